import { beforeAll, describe, expect, it, vi } from 'vitest';
import { formatAmount, formatCount } from '../../src/core/format.js';
import { loadLanguage, messagesFor } from '../../src/core/messages.js';
import { filterMessagesFor } from '../../src/elements/pb-filters/pb-filters.messages.js';
import { listMessagesFor } from '../../src/elements/pb-list/pb-list.messages.js';
import { summaryMessagesFor } from '../../src/elements/pb-summary/pb-summary.messages.js';

// The catalogues other than French are files of their own, loaded on first use.
beforeAll(() => Promise.all(['en', 'es', 'pt'].map((lang) => loadLanguage(lang))));

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

  it('gives every string in every language, none left empty', () => {
    const all = ['fr', 'en', 'es', 'pt'].map((lang) => messagesFor(lang));
    const [fr] = all;
    for (const m of all) expect(Object.keys(m).sort()).toEqual(Object.keys(fr!).sort());
    const empty = all.flatMap((m) => Object.entries(m).filter(([, v]) => v === ''));
    expect(empty).toEqual([]);
  });
  it('speaks Spanish and Portuguese for their tags, French for any other unknown tag', () => {
    expect(
      ['es', 'es-MX', 'ES_es', 'pt', 'pt-BR', 'pt_PT'].map((l) => messagesFor(l).lang),
    ).toEqual(['es', 'es', 'es', 'pt', 'pt', 'pt']);
    expect(['de', 'it', 'ca', 'gl', 'zz-ZZ', 'esp', 'p'].map((l) => messagesFor(l).lang)).toEqual([
      'fr',
      'fr',
      'fr',
      'fr',
      'fr',
      'fr',
      'fr',
    ]);
    expect(
      ['es', 'es-mx', 'pt', 'pt-br', 'pt_PT', 'es-', 'it'].map((l) => messagesFor(l).locale),
    ).toEqual(['es', 'es-MX', 'pt', 'pt-BR', 'pt-PT', 'es', 'fr']);
  });

  it('formats counts with the tag itself: es-MX and pt-BR as Node’s own Intl does', () => {
    const mx = messagesFor('es-MX');
    const br = messagesFor('pt-BR');
    const count = (n: number, locale: string) => new Intl.NumberFormat(locale).format(n);
    expect(mx.entries(1_234_567, 'programmes')).toBe(`${count(1_234_567, 'es-MX')} programas`);
    expect(mx.entries(2_000_000, 'programmes')).toBe(`${count(2_000_000, 'es-MX')} de programas`);
    expect(mx.shown(12_345, 'projects')).toBe(`${count(12_345, 'es-MX')} proyectos mostrados`);
    expect(br.entries(12_345, 'programmes')).toBe(`${count(12_345, 'pt-BR')} programas`);
    expect(br.skipped(2_500)).toBe(`${count(2_500, 'pt-BR')} entradas ignoradas`);
    const amount = formatAmount(4_300_000, { locale: 'es-MX', currency: 'EUR', compact: true });
    expect(mx.clusterLabel(1_500, amount, 'programmes', 1_200)).toBe(
      `Grupo de ${count(1_500, 'es-MX')} programas, ${amount} (presupuesto conocido para ${count(1_200, 'es-MX')})`,
    );
    expect(filterMessagesFor('pt-BR').summary(1_000, 12_345, 'programmes')).toBe(
      `${count(1_000, 'pt-BR')} programas de ${count(12_345, 'pt-BR')}`,
    );
  });

  it('names clusters and programmes in Spanish and Portuguese', () => {
    const es = messagesFor('es');
    const pt = messagesFor('pt');
    const esAmount = formatAmount(4_300_000, { locale: 'es', currency: 'EUR', compact: true });
    const ptAmount = formatAmount(4_300_000, { locale: 'pt', currency: 'EUR', compact: true });
    expect(es.clusterLabel(12, esAmount, 'programmes')).toBe(`Grupo de 12 programas, ${esAmount}`);
    expect(es.clusterLabel(12, esAmount, 'programmes', 4)).toBe(
      `Grupo de 12 programas, ${esAmount} (presupuesto conocido para 4)`,
    );
    expect(es.clusterLabel(1, undefined, 'projects')).toBe('Grupo de 1 proyecto');
    expect(pt.clusterLabel(12, ptAmount, 'programmes', 4)).toBe(
      `Grupo de 12 programas, ${ptAmount} (orçamento conhecido para 4)`,
    );
    expect(pt.clusterLabel(23, '', 'projects')).toBe('Grupo de 23 projetos');
    expect(
      es.programmeLabel('Presupuesto participativo de Madrid', [2016, 2017, 2018], '3,5 M €'),
    ).toBe('Presupuesto participativo de Madrid, 2016 a 2018, 3,5 M € al año');
    expect(es.programmeLabel('PP', [2014, 2015, 2019], undefined)).toBe('PP, 2014 a 2015, 2019');
    expect(pt.programmeLabel('Orçamento participativo de Lisboa', [2020, 2021], '2,5 M €')).toBe(
      'Orçamento participativo de Lisboa, 2020 a 2021, 2,5 M € por ano',
    );
    expect(es.mapLabel('programmes')).toBe('Mapa de los presupuestos participativos');
    expect(pt.mapLabel('programmes')).toBe('Mapa dos orçamentos participativos');
    expect(es.loading).toBe('Cargando los presupuestos participativos…');
    expect(pt.loading).toBe('A carregar os orçamentos participativos…');
  });

  it('announces filter and zoom results in Spanish and Portuguese, agreeing in number', () => {
    const es = messagesFor('es');
    const pt = messagesFor('pt-PT');
    expect([0, 1, 2].map((n) => es.shown(n, 'programmes'))).toEqual([
      '0 programas mostrados',
      '1 programa mostrado',
      '2 programas mostrados',
    ]);
    expect(es.shown(1_000_000, 'projects')).toBe(
      `${formatCount(1_000_000, 'es')} de proyectos mostrados`,
    );
    expect(es.zoomResult(2, 1, 'programmes')).toBe(
      'Zoom: 2 grupos y 1 programa aislado en la vista',
    );
    expect(es.zoomResult(1, 3, 'projects')).toBe(
      'Zoom: 1 grupo y 3 proyectos aislados en la vista',
    );
    expect([0, 1, 2].map((n) => pt.shown(n, 'programmes'))).toEqual([
      '0 programas apresentados',
      '1 programa apresentado',
      '2 programas apresentados',
    ]);
    expect(pt.zoomResult(2, 1, 'programmes')).toBe('Zoom: 2 grupos e 1 programa isolado na vista');
    expect(pt.zoomResult(1, 0, 'projects')).toBe('Zoom: 1 grupo e 0 projetos isolados na vista');
    expect(es.stackTitle(3, 'programmes')).toBe('3 programas en este lugar');
    expect(pt.stackTitle(1, 'projects')).toBe('1 projeto neste local');
  });

  it('counts with Spanish and Portuguese plural rules, big numbers included', () => {
    const es = messagesFor('es');
    const big = (locale: string) => formatCount(1_000_000, locale);
    expect([0, 1, 2, 1_000_000].map(es.skipped)).toEqual([
      '0 entradas omitidas',
      '1 entrada omitida',
      '2 entradas omitidas',
      `${big('es')} de entradas omitidas`,
    ]);
    expect(es.problemsNote(3, 1)).toBe('3 entradas omitidas, 1 valor descartado');
    expect(es.problemsNote(0, 0)).toBe('');
    // European Portuguese says "0 programas"; pt (as pt-BR) puts 0 in the singular, as CLDR says.
    const pt = messagesFor('pt-PT');
    expect([0, 1, 2, 1_500, 1_000_000].map((n) => pt.entries(n, 'programmes'))).toEqual([
      '0 programas',
      '1 programa',
      '2 programas',
      `${formatCount(1_500, 'pt-PT')} programas`,
      `${big('pt-PT')} de programas`,
    ]);
    expect(messagesFor('pt').entries(0, 'projects')).toBe('0 projeto');
    expect(messagesFor('pt').skipped(2)).toBe('2 entradas ignoradas');
    expect(messagesFor('pt').problemsNote(1, 2)).toBe('1 entrada ignorada, 2 valores descartados');
  });

  it('labels the card and MapLibre’s controls in Spanish and Portuguese', () => {
    const es = messagesFor('es');
    const pt = messagesFor('pt');
    expect([es.levelName('commune'), pt.levelName('commune')]).toEqual(['Municipio', 'Município']);
    expect([es.budget, pt.budget, es.close, pt.close]).toEqual([
      'Presupuesto',
      'Orçamento',
      'Cerrar',
      'Fechar',
    ]);
    expect(es.mapUi['NavigationControl.ZoomIn']).toBe('Acercar');
    expect(pt.mapUi['NavigationControl.ZoomOut']).toBe('Reduzir');
    expect(pt.mapUi['CooperativeGesturesHandler.MobileHelpText']).toBe(
      'Use dois dedos para mover o mapa',
    );
    expect(Object.keys(es.mapUi)).toEqual(Object.keys(messagesFor('en').mapUi));
    expect(Object.keys(pt.mapUi)).toEqual(Object.keys(messagesFor('en').mapUi));
  });

  it('gives the elements’ words in Spanish and Portuguese', () => {
    expect(listMessagesFor('es').caption(2, 'programmes', true)).toBe('2 programas en la vista');
    expect(listMessagesFor('pt').none('projects', false)).toBe(
      'Nenhum projeto corresponde à seleção.',
    );
    expect(listMessagesFor('es').sortedBy('budget', 'descending')).toBe(
      ', ordenados por presupuesto, de mayor a menor',
    );
    expect(filterMessagesFor('es').title('programmes')).toBe('Filtrar los programas');
    expect(filterMessagesFor('pt').reset).toBe('Repor os filtros');
    expect(filterMessagesFor('es').setAside(1, 'programmes')).toBe(
      '1 programa sin población conocida apartado',
    );
    expect(summaryMessagesFor('es').budgetKnownFor(4)).toBe('presupuesto conocido para 4');
    expect(summaryMessagesFor('pt').inhabitants(2, '2')).toBe('2 habitantes');
    expect(summaryMessagesFor('pt-PT').setAside(3, 'projects')).toBe(
      '3 projetos sem população deixados de parte',
    );
    expect(summaryMessagesFor('es').base.lang).toBe('es');
  });
});

describe('languages loaded on first use', () => {
  it('answers in French while a language loads, then redraws who asked', async () => {
    // A fresh copy of the module, so that no language is loaded yet.
    vi.resetModules();
    const fresh = await import('../../src/core/messages.js');
    let redrawn = 0;
    const element = { requestUpdate: () => redrawn++ };
    expect(fresh.messagesFor('es-MX', element).lang).toBe('fr');
    await fresh.loadLanguage('es');
    expect(redrawn).toBe(1);
    expect(fresh.messagesFor('es-MX').lang).toBe('es');
    expect(fresh.messagesFor('es-MX').locale).toBe('es-MX');
  });
});
