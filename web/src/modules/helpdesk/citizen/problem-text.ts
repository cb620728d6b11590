import { useTranslation } from 'react-i18next';
import { formatFileSize } from './attachment';
import { DESCRIPTION_MAX, type FieldProblem, type RequestField } from './request-form';

/** The message of a field's problem found in the browser, worded like the server's. */
export function useProblemText() {
  const { t } = useTranslation('helpdesk-citizen');
  return (field: RequestField, problem: FieldProblem, context: { attachment: File | null; description: string }): string => {
    const name = context.attachment?.name ?? '';
    switch (problem) {
      case 'required':
        return field === 'attachment' ? '' : t(`problems.required.${field}`);
      case 'tooLong':
        if (field === 'givenName' || field === 'familyName' || field === 'email') return t(`problems.tooLong.${field}`);
        return t('problems.tooLong.description', { max: DESCRIPTION_MAX, count: context.description.trim().length });
      case 'length':
      case 'format':
      case 'checkCharacter':
        return t(`problems.fiscalCode.${problem}`);
      case 'email':
        return t('problems.email');
      case 'phone':
        return t('problems.phone');
      case 'type':
      case 'empty':
        return t(`problems.attachment.${problem}`, { name });
      case 'tooLarge':
        return t('problems.attachment.tooLarge', { name, size: formatFileSize(context.attachment?.size ?? 0) });
    }
  };
}
