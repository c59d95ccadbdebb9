/**
 * Portuguese words of the map (see `messages.ts`, which loads this file the first time a page asks
 * for Portuguese).
 */
import type { FeedErrorCode, Level } from './feed/model.js';
import { formatCount } from './format.js';
import {
  agreeing,
  counter,
  spokenYears,
  type EntryKind,
  type Messages,
  type PluralForms,
} from './messages.js';

/** European Portuguese (orçamento participativo); numbers follow the tag (`pt`, `pt-BR`, `pt-PT`). */
export function portuguese(locale: string): Messages {
  const count = counter(locale);
  const agree = agreeing(locale);
  const nouns: Record<EntryKind, PluralForms> = {
    programmes: { one: 'programa', many: 'de programas', other: 'programas' },
    projects: { one: 'projeto', many: 'de projetos', other: 'projetos' },
  };
  const levels: Record<Level, string> = {
    commune: 'Município',
    intercommunality: 'Comunidade intermunicipal',
    department: 'Departamento',
    region: 'Região',
    other: 'Outra entidade',
  };
  const reasons: Record<FeedErrorCode, string> = {
    network: 'Não é possível contactar o servidor de dados.',
    http: 'O servidor de dados respondeu com um erro.',
    timeout: 'O servidor de dados demorou demasiado tempo a responder.',
    'too-large': 'O ficheiro de dados é demasiado grande.',
    'not-json': 'O ficheiro de dados não é JSON válido.',
    'not-a-feed': 'O ficheiro não contém dados no formato esperado.',
    'unsupported-version': 'Esta versão do formato de dados não é suportada.',
    'no-programmes': 'O ficheiro não contém nenhuma entrada utilizável.',
  };
  const skipped = (n: number) =>
    count(n, {
      one: 'entrada ignorada',
      many: 'de entradas ignoradas',
      other: 'entradas ignoradas',
    });
  const entries = (n: number, kind: EntryKind) => count(n, nouns[kind]);
  return {
    lang: 'pt',
    locale,
    mapLabel: (kind) =>
      kind === 'projects' ? 'Mapa dos projetos' : 'Mapa dos orçamentos participativos',
    loading: 'A carregar os orçamentos participativos…',
    empty: 'Nada a mostrar no mapa.',
    errorTitle: 'Não foi possível carregar os dados.',
    errorReason: (code) => reasons[code],
    retry: 'Tentar novamente',
    mapUnavailable: 'Não foi possível carregar o mapa de base.',
    noMap: 'O mapa não pode ser apresentado neste dispositivo (WebGL indisponível).',
    skipped,
    problemsNote: (n, values) =>
      [
        n > 0 ? skipped(n) : '',
        values > 0
          ? count(values, {
              one: 'valor descartado',
              many: 'de valores descartados',
              other: 'valores descartados',
            })
          : '',
      ]
        .filter(Boolean)
        .join(', '),
    zoomHint: 'Ampliar para ver o detalhe',
    mapUi: {
      'AttributionControl.ToggleAttribution': 'Mostrar ou ocultar as fontes',
      'AttributionControl.MapFeedback': 'Assinalar um erro no mapa',
      'FullscreenControl.Enter': 'Ver em ecrã inteiro',
      'FullscreenControl.Exit': 'Sair do ecrã inteiro',
      'GeolocateControl.FindMyLocation': 'Mostrar a minha localização',
      'GeolocateControl.LocationNotAvailable': 'Localização indisponível',
      'LogoControl.Title': 'Logótipo do MapLibre',
      'Map.Title': 'Mapa',
      'Marker.Title': 'Marcador',
      'NavigationControl.ResetBearing': 'Arrastar para rodar o mapa, clicar para repor o norte',
      'NavigationControl.ZoomIn': 'Ampliar',
      'NavigationControl.ZoomOut': 'Reduzir',
      'Popup.Close': 'Fechar',
      'ScaleControl.Feet': 'ft',
      'ScaleControl.Meters': 'm',
      'ScaleControl.Kilometers': 'km',
      'ScaleControl.Miles': 'mi',
      'ScaleControl.NauticalMiles': 'NM',
      'GlobeControl.Enable': 'Ver o globo',
      'GlobeControl.Disable': 'Ver o mapa plano',
      'TerrainControl.Enable': 'Mostrar o relevo',
      'TerrainControl.Disable': 'Ocultar o relevo',
      'CooperativeGesturesHandler.WindowsHelpText': 'Use Ctrl + roda do rato para ampliar o mapa',
      'CooperativeGesturesHandler.MacHelpText': 'Use ⌘ + roda do rato para ampliar o mapa',
      'CooperativeGesturesHandler.MobileHelpText': 'Use dois dedos para mover o mapa',
    },
    entries,
    clusterLabel: (n, amount, kind, known = n) =>
      !amount
        ? `Grupo de ${entries(n, kind)}`
        : known < n
          ? `Grupo de ${entries(n, kind)}, ${amount} (orçamento conhecido para ${formatCount(known, locale)})`
          : `Grupo de ${entries(n, kind)}, ${amount}`,
    programmeLabel: (name, years, amount) =>
      [name, spokenYears(years, locale, 'a'), amount ? `${amount} por ano` : '']
        .filter(Boolean)
        .join(', '),
    shown: (n, kind) => `${entries(n, kind)} ${agree(n, 'apresentado', 'apresentados')}`,
    zoomResult: (clusters, singles, kind) =>
      `Zoom: ${count(clusters, { one: 'grupo', many: 'de grupos', other: 'grupos' })} e ${entries(singles, kind)} ${agree(singles, 'isolado', 'isolados')} na vista`,
    skipMap: 'Saltar o mapa',
    mapEnd: 'Fim do mapa',
    contextLost:
      'O mapa está momentaneamente indisponível (a apresentação gráfica foi interrompida); voltará por si só.',
    stackTitle: (n, kind) => `${entries(n, kind)} neste local`,
    close: 'Fechar',
    legendTitle: 'Legenda',
    legendClusters: (kind) =>
      `Uma bolha agrupa ${kind === 'projects' ? 'projetos' : 'programas'} próximos: quantos são e, por baixo, a soma dos seus orçamentos. Quantos mais reúne, maior é; ativá-la amplia o mapa até que se divida.`,
    legendSingle: (kind) =>
      `Um pequeno disco com contorno branco é um ${kind === 'projects' ? 'projeto' : 'programa'} isolado: ativá-lo abre a sua ficha.`,
    legendFigure: (years, range, perInhabitant) =>
      `Montantes: orçamento da última edição${years ? ` em ${years}` : ''}${
        range
          ? `, de entre aquelas cujo orçamento${perInhabitant ? ' por habitante' : ''} está dentro de ${range}`
          : ''
      }.`,
    place: 'Local',
    level: 'Tipo de entidade',
    levelName: (level) => levels[level],
    years: 'Edições',
    year: 'Ano',
    population: 'População',
    budget: 'Orçamento',
    latestBudget: 'Último orçamento',
    budgetPerEdition: 'Orçamento por edição',
    perInhabitant: 'Por habitante',
    amountPerInhabitant: (amount) => `${amount} por habitante`,
    voters: 'Votantes',
    projects: 'Projetos vencedores',
    status: 'Estado',
    category: 'Categoria',
    notStated: 'Não indicado',
    website: 'Sítio web do programa',
    filteredBudget: 'Orçamento segundo o filtro',
    outsideFilter: 'fora do filtro',
    territories: {
      GP: 'Guadalupe',
      MQ: 'Martinica',
      GF: 'Guiana Francesa',
      RE: 'Reunião',
      YT: 'Maiote',
    },
    overseas: 'Departamentos e regiões ultramarinos franceses',
  };
}
