/**
 * The default privacy notice a wave shows before the first question, in
 * German and English. Organisers may replace it per wave.
 */
export function defaultPrivacyNotice(opts: {
  anonymous: boolean;
  minGroupSize: number;
  retentionDays: number | null;
  workspaceName: string;
}): { de: string; en: string } {
  const retentionDe = opts.retentionDays
    ? `Die Antworten werden ${opts.retentionDays} Tage nach dem Ausfüllen gelöscht.`
    : 'Die Antworten werden gelöscht, sobald die Auswertung abgeschlossen ist und der Arbeitsbereich sie nicht mehr braucht.';
  const retentionEn = opts.retentionDays
    ? `Answers are deleted ${opts.retentionDays} days after they were given.`
    : 'Answers are deleted once the evaluation is finished and the workspace no longer needs them.';
  const de = [
    `Diese Befragung führt „${opts.workspaceName}“ mit Bilanz durch.`,
    opts.anonymous
      ? 'Sie ist anonym: Gespeichert werden nur deine Antworten und der Tag, an dem du sie gegeben hast. Nicht gespeichert werden deine IP-Adresse, dein Browser, die Seite, von der du kommst, oder eine Verbindung zu einem Einladungslink.'
      : 'Sie ist nicht anonym: Deine Antworten werden mit deiner persönlichen Einladung verknüpft. Nicht gespeichert werden deine IP-Adresse, dein Browser oder die Seite, von der du kommst.',
    `Die Ergebnisse sehen nur die Organisator*innen und die Strategiegruppe des Netzwerks. Zahlen werden nur für Gruppen ab ${opts.minGroupSize} Personen gezeigt. Freitexte werden nie öffentlich geteilt.`,
    retentionDe,
    'Du kannst die Befragung jederzeit unterbrechen und später fortsetzen.',
  ].join('\n\n');
  const en = [
    `This survey is run by "${opts.workspaceName}" with Bilanz.`,
    opts.anonymous
      ? 'It is anonymous: only your answers and the day you gave them are stored. Your IP address, your browser, the page you came from and any link to an invitation are not stored.'
      : 'It is not anonymous: your answers are linked to your personal invitation. Your IP address, your browser and the page you came from are not stored.',
    `Only the network's organisers and strategy group see the results. Figures are shown only for groups of at least ${opts.minGroupSize} people. Free-text answers are never shared publicly.`,
    retentionEn,
    'You can pause at any time and continue later.',
  ].join('\n\n');
  return { de, en };
}
