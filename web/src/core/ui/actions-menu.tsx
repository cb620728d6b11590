import { Dropdown, DropdownMenu, DropdownToggle, Icon } from 'design-react-kit';
import { type MouseEvent, useRef, useState } from 'react';

export interface MenuAction {
  key: string;
  label: string;
  onSelect: () => void;
}

interface ActionsMenuProps {
  /** The button's accessible name, e.g. "Azioni per Mario Rossi". */
  label: string;
  actions: MenuAction[];
}

/** Extra DropdownMenu props reactstrap supports but design-react-kit's types leave out. */
const menuInMain = { container: '#main' } as Record<string, unknown>;

/**
 * A row's quick menu (the "menù rapido" of seed 000), on design-react-kit's Dropdown.
 * - The toggle is an <a role="button">: design-react-kit's DropdownToggle gives a <button> the role
 *   "link" and drops aria-label, so the name is visually hidden text inside it.
 * - Items are role="menuitem" buttons: reactstrap's keyboard support (arrows, Home/End, Esc) finds them.
 * - The menu is portalled to <main> (out of the scrolling table, which would clip it, but still in a
 *   landmark).
 * - Choosing an item closes the menu and puts focus back on the toggle *before* the action runs,
 *   so a dialog opened by it returns focus there when it closes.
 */
export function ActionsMenu({ label, actions }: ActionsMenuProps) {
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);

  const choose = (action: MenuAction) => {
    setOpen(false);
    wrapper.current?.querySelector<HTMLElement>('.dropdown-toggle')?.focus();
    window.setTimeout(action.onSelect, 0);
  };

  return (
    <div ref={wrapper} className="sportello-actions">
      <Dropdown
        isOpen={open}
        toggle={() => setOpen((o) => !o)}
        // the toggle is an <a href="#">: keep the URL as it is
        onClick={(event: MouseEvent) => {
          if ((event.target as HTMLElement).closest('a[href="#"]')) event.preventDefault();
        }}
      >
        <DropdownToggle tag="a" className="btn btn-outline-primary btn-sm sportello-actions-toggle">
          <Icon icon="it-more-items" size="sm" color="primary" aria-hidden="true" />
          <span className="visually-hidden">{label}</span>
        </DropdownToggle>
        <DropdownMenu {...menuInMain} className="sportello-actions-menu">
          <div className="link-list-wrapper" role="none">
            <ul className="link-list" role="none">
              {actions.map((action) => (
                <li key={action.key} role="none">
                  <button type="button" role="menuitem" className="dropdown-item list-item" onClick={() => choose(action)}>
                    <span>{action.label}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </DropdownMenu>
      </Dropdown>
    </div>
  );
}
