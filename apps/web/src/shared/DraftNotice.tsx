/** Says that a kept draft was put back, with a way to start empty. */
export function DraftNotice({ restored, onDiscard }: { restored: boolean; onDiscard: () => void }) {
  if (!restored) return null;
  return (
    <div className="alert alert-info" role="status">
      Ihre zuletzt eingegebenen, noch nicht gespeicherten Angaben wurden wiederhergestellt.{' '}
      <button type="button" className="link-button" onClick={onDiscard}>
        Verwerfen und leer beginnen
      </button>
    </div>
  );
}
