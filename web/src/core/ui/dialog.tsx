import { Modal, ModalBody, ModalFooter, ModalHeader } from 'design-react-kit';
import { type FormEvent, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** The buttons; inside the form when onSubmit is given, so Enter submits. */
  footer: ReactNode;
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  size?: 'sm' | 'lg';
}

/**
 * design-react-kit's Modal, mounted while open: named by its title (aria-labelledby), focus kept
 * inside and given back to the opener on close (reactstrap), Esc and the close button cancel.
 */
export function Dialog({ title, onClose, children, footer, onSubmit, size }: DialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const body = (
    <>
      <ModalBody>{children}</ModalBody>
      <ModalFooter>{footer}</ModalFooter>
    </>
  );
  return (
    <Modal isOpen toggle={onClose} labelledBy={titleId} size={size} returnFocusAfterClose>
      <ModalHeader toggle={onClose} closeAriaLabel={t('common.close')}>
        <span id={titleId}>{title}</span>
      </ModalHeader>
      {onSubmit ? (
        <form noValidate onSubmit={onSubmit}>
          {body}
        </form>
      ) : (
        body
      )}
    </Modal>
  );
}
