import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { SelectField } from '../../../core/ui/select-field';
import { type RequestDetail, useAssign } from './api';

/**
 * "OPERATORE" + "Aggiorna" (seed 004 §2.3): hands the request to another operator of the same
 * structure, who is notified in the app. The empty choice leaves it to nobody.
 */
export function AssignmentPanel({ request, onDone }: { request: RequestDetail; onDone: (message: string) => void }) {
  const { t } = useTranslation('helpdesk-desk');
  const assign = useAssign(request.id);
  const current = request.assignee?.id ?? '';
  const [choice, setChoice] = useState(current);
  const [error, setError] = useState<string | undefined>();
  const options = request.operators.map((o) => ({ value: o.id, label: o.name }));
  if (request.assignee && !options.some((o) => o.value === request.assignee?.id)) options.push({ value: request.assignee.id, label: request.assignee.name });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (choice === current) {
      setError(t('assignment.unchanged'));
      return;
    }
    setError(undefined);
    assign.mutate(choice || null, {
      onSuccess: (detail) =>
        onDone(detail.assignee ? t('assignment.done', { number: detail.number, name: detail.assignee.name }) : t('assignment.cleared', { number: detail.number })),
    });
  };

  return (
    <section aria-labelledby="request-assignment" className="sportello-panel mb-4">
      <h2 id="request-assignment" className="h3">
        {t('assignment.title')}
      </h2>
      <p>{t('assignment.intro')}</p>
      <ProblemAlert error={assign.error} className="mb-3" />
      <form noValidate onSubmit={submit} className="row g-3 align-items-end">
        <div className="col-12 col-md-8 col-lg-6">
          <SelectField
            id="assignment-operator"
            label={t('assignment.operator')}
            emptyLabel={t('assignment.nobody')}
            options={options}
            value={choice}
            onChange={(value) => {
              setChoice(value);
              setError(undefined);
            }}
            error={error}
            className="mb-0"
          />
        </div>
        <div className="col-12 col-md-4">
          <Button type="submit" color="primary" disabled={assign.isPending}>
            {t('assignment.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
