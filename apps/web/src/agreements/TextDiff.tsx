// A readable diff of two versions of an agreement's text: words struck through and inserted, as a
// person compares two printed versions, with the words "gestrichen"/"eingefügt" for screen readers.
import { diffWords } from './wordDiff';

/** The text with its changes marked, or a sentence saying it is unchanged. */
export function TextDiff({ before, after }: { before: string; after: string }) {
  const parts = diffWords(before, after);
  if (!parts.some((p) => p.kind !== 'same')) return <p>Der Text ist unverändert.</p>;
  return (
    <div className="text-diff">
      {parts.map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === 'added' ? (
          <ins key={i}>
            <span className="visually-hidden">[eingefügt: </span>
            {p.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : (
          <del key={i}>
            <span className="visually-hidden">[gestrichen: </span>
            {p.text}
            <span className="visually-hidden">]</span>
          </del>
        ),
      )}
    </div>
  );
}
