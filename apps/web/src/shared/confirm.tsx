import { ReactNode, useCallback, useEffect, useRef, useState } from 'react';

type Request = {
  title: string;
  /** What will happen, in the words of the people it concerns ("Der Fall F-2026-0001 wird abgeschlossen …"). */
  body: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** Irreversible: the confirm button is styled as dangerous. */
  danger?: boolean;
};

/**
 * A confirmation before irreversible or wide actions, as a modal `<dialog>` (focus stays in it,
 * Escape cancels). `const [confirm, dialog] = useConfirm();` — render `dialog`, then
 * `if (await confirm({...})) …`.
 */
export function useConfirm(): [(request: Request) => Promise<boolean>, ReactNode] {
  const [request, setRequest] = useState<(Request & { resolve: (ok: boolean) => void }) | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (request && dialog && !dialog.open) dialog.showModal();
  }, [request]);

  const confirm = useCallback(
    (next: Request) =>
      new Promise<boolean>((resolve) => {
        opener.current = document.activeElement;
        setRequest({ ...next, resolve });
      }),
    [],
  );
  const finish = (ok: boolean) => {
    ref.current?.close();
    request?.resolve(ok);
    setRequest(null);
    (opener.current as HTMLElement | null)?.focus?.();
  };

  const dialog = request ? (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(e) => {
        e.preventDefault();
        finish(false);
      }}
    >
      <h2 id="confirm-title">{request.title}</h2>
      <div id="confirm-body">{request.body}</div>
      <div className="actions">
        <button type="button" className={request.danger ? 'danger' : undefined} onClick={() => finish(true)}>
          {request.confirmLabel}
        </button>
        <button type="button" className="secondary" autoFocus onClick={() => finish(false)}>
          {request.cancelLabel ?? 'Abbrechen'}
        </button>
      </div>
    </dialog>
  ) : null;
  return [confirm, dialog];
}
