import { describe, expect, it } from 'vitest';
import { formatAmount } from '../../src/core/format.js';
import { messagesFor } from '../../src/core/messages.js';

describe('messagesFor', () => {
  it('speaks French by default and English for any English tag', () => {
    expect(['fr', 'fr-CA', 'de', '', 'not a tag'].map((l) => messagesFor(l).lang)).toEqual([
      'fr',
      'fr',
      'fr',
      'fr',
      'fr',
    ]);
    expect(['en', 'en-GB', 'EN_us'].map((l) => messagesFor(l).lang)).toEqual(['en', 'en', 'en']);
    expect(['en-gb', 'EN_us', 'fr-ch', 'de', 'en-'].map((l) => messagesFor(l).locale)).toEqual([
      'en-GB',
      'en-US',
      'fr-CH',
      'fr',
      'en',
    ]);
  });

  it('says what is happening while loading, when empty, and on error', () => {
    const fr = messagesFor('fr');
    expect(fr.loading).toBe('Chargement des budgets participatifs…');
    expect(fr.errorReason('timeout')).toBe(
      'Le serveur des données a mis trop de temps à répondre.',
    );
    expect(fr.retry).toBe('Réessayer');
    const en = messagesFor('en');
    expect(en.loading).toBe('Loading participatory budgets…');
    expect(en.errorReason('not-json')).toBe('The data file is not valid JSON.');
    expect(en.retry).toBe('Try again');
  });

  it('counts skipped entries with the right plural', () => {
    const fr = messagesFor('fr');
    expect([0, 1, 2, 1_000_000].map(fr.skipped)).toEqual([
      '0 entrée ignorée',
      '1 entrée ignorée',
      '2 entrées ignorées',
      '1\u202f000\u202f000 d’entrées ignorées',
    ]);
    expect(fr.problemsNote(3, 1)).toBe('3 entrées ignorées, 1 valeur ignorée');
    expect(fr.problemsNote(0, 2)).toBe('2 valeurs ignorées');
    expect(fr.problemsNote(0, 0)).toBe('');
    const en = messagesFor('en');
    expect([0, 1, 2_500].map(en.skipped)).toEqual([
      '0 entries skipped',
      '1 entry skipped',
      '2,500 entries skipped',
    ]);
    expect(en.problemsNote(1, 2)).toBe('1 entry skipped, 2 values dropped');
  });

  it('names a cluster by its count and budget, and says when the budget is partial', () => {
    const fr = messagesFor('fr');
    const amount = formatAmount(4_300_000, { locale: 'fr', currency: 'EUR', compact: true });
    expect(fr.clusterLabel(12, amount, 'programmes')).toBe(
      'Groupe de 12 programmes, 4,3\u00a0M\u00a0€',
    );
    expect(fr.clusterLabel(12, amount, 'programmes', 12)).toBe(
      'Groupe de 12 programmes, 4,3\u00a0M\u00a0€',
    );
    expect(fr.clusterLabel(12, amount, 'programmes', 4)).toBe(
      'Groupe de 12 programmes, 4,3\u00a0M\u00a0€ (budget connu pour 4)',
    );
    expect(fr.clusterLabel(1, '', 'programmes')).toBe('Groupe de 1 programme');
    expect(fr.clusterLabel(23, undefined, 'projects')).toBe('Groupe de 23 projets');

    const en = messagesFor('en');
    expect(en.clusterLabel(12, '€4.3M', 'programmes', 4)).toBe(
      'Cluster of 12 programmes, €4.3M (budget known for 4)',
    );
    expect(en.clusterLabel(1, undefined, 'projects')).toBe('Cluster of 1 project');
    expect(en.clusterLabel(1_234, '€100M', 'projects')).toBe('Cluster of 1,234 projects, €100M');
  });

  it('names a lone programme by its name, its years read aloud and its yearly budget', () => {
    const fr = messagesFor('fr');
    expect(fr.programmeLabel('Budget participatif de Rennes', [2016, 2017, 2018], '3,5 M €')).toBe(
      'Budget participatif de Rennes, 2016 à 2018, 3,5 M € par an',
    );
    expect(fr.programmeLabel('BP', [2014, 2015, 2019], undefined)).toBe('BP, 2014 à 2015, 2019');
    expect(fr.programmeLabel('BP', [], undefined)).toBe('BP');
    expect(messagesFor('en').programmeLabel('PB', [2020, 2021], '€1M')).toBe(
      'PB, 2020 to 2021, €1M a year',
    );
  });

  it('announces filter and zoom results, agreeing in number', () => {
    const fr = messagesFor('fr');
    expect(fr.shown(0, 'programmes')).toBe('0 programme affiché');
    expect(fr.shown(1, 'projects')).toBe('1 projet affiché');
    expect(fr.shown(187, 'programmes')).toBe('187 programmes affichés');
    expect(fr.zoomResult(2, 1, 'programmes')).toBe(
      'Zoom : 2 groupes et 1 programme seul dans la vue',
    );
    expect(messagesFor('en').shown(2, 'projects')).toBe('2 projects shown');
    expect(messagesFor('en').zoomResult(1, 3, 'programmes')).toBe(
      'Zoomed in: 1 cluster and 3 single programmes in view',
    );
  });

  it('titles the list of programmes at one place', () => {
    expect(messagesFor('fr').stackTitle(3, 'programmes')).toBe('3 programmes à cet endroit');
    expect(messagesFor('fr').stackTitle(1, 'projects')).toBe('1 projet à cet endroit');
    expect(messagesFor('en').stackTitle(2, 'projects')).toBe('2 projects at this place');
  });

  it('labels the programme card in both languages', () => {
    const fr = messagesFor('fr');
    const en = messagesFor('en');
    expect(
      (['commune', 'intercommunality', 'department', 'region', 'other'] as const).map((l) => [
        fr.levelName(l),
        en.levelName(l),
      ]),
    ).toEqual([
      ['Commune', 'Municipality'],
      ['Intercommunalité', 'Group of municipalities'],
      ['Département', 'Department'],
      ['Région', 'Region'],
      ['Autre structure', 'Other organisation'],
    ]);
    expect(fr.amountPerInhabitant('6,50\u00a0€')).toBe('6,50\u00a0€ par habitant');
    expect(en.amountPerInhabitant('€6.50')).toBe('€6.50 per inhabitant');
    expect([fr.website, fr.close, en.website, en.close]).toEqual([
      'Site du programme',
      'Fermer',
      'Programme website',
      'Close',
    ]);
  });

  it('translates MapLibre’s own controls and gesture hints', () => {
    const fr = messagesFor('fr').mapUi;
    expect(fr['NavigationControl.ZoomIn']).toBe('Zoomer');
    expect(fr['CooperativeGesturesHandler.MobileHelpText']).toBe(
      'Utilisez deux doigts pour déplacer la carte',
    );
    expect(Object.keys(fr)).toEqual(Object.keys(messagesFor('en').mapUi));
  });

  it('gives every string in both languages, none left empty', () => {
    const fr = messagesFor('fr');
    const en = messagesFor('en');
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    const empty = [fr, en].flatMap((m) => Object.entries(m).filter(([, v]) => v === ''));
    expect(empty).toEqual([]);
  });
});
