// What a person typed survives the end of their session: every change of a form that uses
// `useDraft` is kept in sessionStorage (this browser tab only, gone when the tab closes) and put
// back when the same person opens the same form again, e.g. after signing in anew. A successful
// submit or an explicit sign-out removes it.
import { useCallback, useEffect, useRef, useState } from 'react';

const PREFIX = 'sro-entwurf:';

const storageKey = (owner: string, key: string) => `${PREFIX}${owner}:${key}`;

function read<T>(owner: string, key: string): T | undefined {
  try {
    const raw = sessionStorage.getItem(storageKey(owner, key));
    return raw ? (JSON.parse(raw) as { value: T }).value : undefined;
  } catch {
    return undefined;
  }
}

/** Every kept draft removed (on sign-out by the person, not when the session merely expired). */
export function clearDrafts(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
}

/**
 * Like `useState`, kept as a draft. `owner` is the signed-in user's id (a draft never reaches
 * another person on a shared computer); `key` names the form and its subject, e.g. `fall-neu` or
 * `notiz:<caseId>`. `restored` is true when a kept draft was put back, so the form can say so.
 */
export function useDraft<T>(owner: string, key: string, initial: T | (() => T)) {
  const kept = useRef(read<T>(owner, key));
  const [value, setValue] = useState<T>(() =>
    kept.current !== undefined ? kept.current : typeof initial === 'function' ? (initial as () => T)() : initial,
  );
  const [restored, setRestored] = useState(kept.current !== undefined);
  const pristine = useRef(true);

  useEffect(() => {
    // The first render's value is either the kept draft or the empty form: nothing to write yet.
    if (pristine.current) {
      pristine.current = false;
      return;
    }
    try {
      sessionStorage.setItem(storageKey(owner, key), JSON.stringify({ value, savedAt: Date.now() }));
    } catch {
      // storage full or disabled: the form still works, only without the safety net
    }
  }, [owner, key, value]);

  /** After a successful submit: the draft is done. */
  const clear = useCallback(() => {
    sessionStorage.removeItem(storageKey(owner, key));
    setRestored(false);
  }, [owner, key]);

  /** Discard the restored draft and start with `fresh`. */
  const discard = useCallback(
    (fresh: T) => {
      sessionStorage.removeItem(storageKey(owner, key));
      pristine.current = true;
      setValue(fresh);
      setRestored(false);
    },
    [owner, key],
  );

  return { value, setValue, restored, clear, discard };
}
