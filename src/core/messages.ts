/**
 * Every word the map shows or announces, in French (the default), English, Spanish and Portuguese.
 * Each catalogue is typed as {@link Messages}, so a string missing from one is a compile error.
 * Counts go through Intl.PluralRules: French says "0 programme", "1 000 000 de programmes";
 * English "0 programmes"; Spanish "0 programas", "1.000.000 de programas".
 */
import type { FeedErrorCode, Level } from './feed/model.js';

export type { Level };
import { formatCount, formatYears } from './format.js';

/** A language the map speaks. */
export type Lang = 'fr' | 'en' | 'es' | 'pt';

/** What a feed's entries are: participatory-budget programmes, or one city's winning projects. */
export type EntryKind = 'programmes' | 'projects';

/** MapLibre's own UI strings (its `locale` map option), see maplibre-gl's `default_locale.ts`. */
export type MapUiKey =
  | 'AttributionControl.ToggleAttribution'
  | 'AttributionControl.MapFeedback'
  | 'FullscreenControl.Enter'
  | 'FullscreenControl.Exit'
  | 'GeolocateControl.FindMyLocation'
  | 'GeolocateControl.LocationNotAvailable'
  | 'LogoControl.Title'
  | 'Map.Title'
  | 'Marker.Title'
  | 'NavigationControl.ResetBearing'
  | 'NavigationControl.ZoomIn'
  | 'NavigationControl.ZoomOut'
  | 'Popup.Close'
  | 'ScaleControl.Feet'
  | 'ScaleControl.Meters'
  | 'ScaleControl.Kilometers'
  | 'ScaleControl.Miles'
  | 'ScaleControl.NauticalMiles'
  | 'GlobeControl.Enable'
  | 'GlobeControl.Disable'
  | 'TerrainControl.Enable'
  | 'TerrainControl.Disable'
  | 'CooperativeGesturesHandler.WindowsHelpText'
  | 'CooperativeGesturesHandler.MacHelpText'
  | 'CooperativeGesturesHandler.MobileHelpText';

/**
 * One language's strings. Functions take counts as numbers and amounts already formatted (see
 * `formatAmount`), and format counts with `locale`.
 */
export interface Messages {
  /** The catalogue's language, for a `lang` attribute. */
  lang: Lang;
  /** The locale numbers are formatted with: the tag asked for when valid and of `lang` (`fr-CH`), else `lang`. */
  locale: string;

  // The map
  /** Accessible name of the map: "Carte des budgets participatifs". */
  mapLabel: (kind: EntryKind) => string;
  /** While the feed loads: "Chargement des budgets participatifs…". */
  loading: string;
  /** When the feed holds nothing to draw. */
  empty: string;
  /** Heading of the error message. */
  errorTitle: string;
  /** Why the feed could not be used, one sentence per error code. */
  errorReason: (code: FeedErrorCode) => string;
  /** Label of the button that loads the feed again. */
  retry: string;
  /** When the base map cannot be drawn (the data still can). */
  mapUnavailable: string;
  /** When the map itself cannot be drawn on this device (no WebGL). */
  noMap: string;
  /** "3 entrées ignorées": entries of the feed left out because they were invalid. */
  skipped: (n: number) => string;
  /** Summary of the feed's problems: entries left out, then single values dropped; "" when none. */
  problemsNote: (entries: number, values: number) => string;
  /** Hint on clusters: activating one zooms in. */
  zoomHint: string;
  /** MapLibre's control labels and gesture hints, to pass as its `locale` option. */
  mapUi: Record<MapUiKey, string>;

  // Clusters and lists
  /** "1 programme", "12 projets". */
  entries: (n: number, kind: EntryKind) => string;
  /**
   * Accessible name of a cluster: "12 programmes, 4,3 M €". `amount` is the formatted budget sum,
   * `undefined` or "" when no budget is known; `known`, when below `count`, says how many
   * entries that sum covers: "12 programmes, 4,3 M € (budget connu pour 4)".
   */
  clusterLabel: (
    count: number,
    amount: string | undefined,
    kind: EntryKind,
    known?: number,
  ) => string;
  /**
   * Accessible name of a lone entry: "Budget participatif de Rennes, 2016 à 2024, 3,5 M € par an".
   * `years` are its editions' years; `amount`, its budget under the filter, already formatted.
   */
  programmeLabel: (name: string, years: readonly number[], amount: string | undefined) => string;
  /** Said after a filter change: "187 programmes affichés". */
  shown: (n: number, kind: EntryKind) => string;
  /** Said after zooming into a cluster: "Zoom : 2 groupes et 1 programme dans la vue". */
  zoomResult: (clusters: number, singles: number, kind: EntryKind) => string;
  /** The skip link before the map. */
  skipMap: string;
  /** Where the skip link lands when no list follows the map. */
  mapEnd: string;
  /** While the WebGL context is lost. */
  contextLost: string;
  /** Title of the list of entries standing at one place: "3 programmes à cet endroit". */
  stackTitle: (n: number, kind: EntryKind) => string;
  /** Label of the button that closes a card or a list. */
  close: string;
  /** Title of the legend. */
  legendTitle: string;
  /** What a bubble means, in words (not by colour). */
  legendClusters: (kind: EntryKind) => string;
  /** What a lone marker means. */
  legendSingle: (kind: EntryKind) => string;
  /**
   * Which budget an amount is, under the filter: `years` the filter's years ("2018–2024"),
   * `range` its budget range ("100 k € – 5 M €"), each undefined when not constrained.
   */
  legendFigure: (
    years: string | undefined,
    range: string | undefined,
    perInhabitant: boolean,
  ) => string;

  // The card of one programme
  place: string;
  /** Label of the kind of collectivity. */
  level: string;
  levelName: (level: Level) => string;
  /** Label of the span of editions ("2016–2024"). */
  years: string;
  /** Column heading of the editions table. */
  year: string;
  population: string;
  /** Column heading of the editions table. */
  budget: string;
  /** Label of the headline figure, the latest annual budget. */
  latestBudget: string;
  /** Caption of the editions table. */
  budgetPerEdition: string;
  /** Label of the latest budget divided by the population. */
  perInhabitant: string;
  /** "6,50 € par habitant". */
  amountPerInhabitant: (amount: string) => string;
  /** Column heading: people who voted in an edition. */
  voters: string;
  /** Column heading: winning projects of an edition. */
  projects: string;
  status: string;
  category: string;
  /** In place of a figure the feed does not give. */
  notStated: string;
  /** Text of the link to the programme's own site. */
  website: string;
  /** Label of the budget a programme shows under the filter (summed in clusters). */
  filteredBudget: string;
  /** Said of an edition the filter does not keep. */
  outsideFilter: string;
}

/** Years as heard: "2016 à 2024", "2014 à 2019, 2021" (the en dash of `formatYears` read as a word). */
function spokenYears(years: readonly number[], locale: string, to: string): string {
  return formatYears(years, locale).replace(/\u2013/g, ` ${to} `);
}

type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** "12 programmes": the count formatted for `locale`, then the noun in its plural form. */
function counter(locale: string): (n: number, forms: PluralForms) => string {
  const rules = new Intl.PluralRules(locale);
  return (n, forms) => `${formatCount(n, locale)} ${forms[rules.select(n)] ?? forms.other}`;
}

function french(locale: string): Messages {
  const count = counter(locale);
  const nouns: Record<EntryKind, PluralForms> = {
    programmes: { one: 'programme', many: 'de programmes', other: 'programmes' },
    projects: { one: 'projet', many: 'de projets', other: 'projets' },
  };
  const levels: Record<Level, string> = {
    commune: 'Commune',
    intercommunality: 'Intercommunalité',
    department: 'Département',
    region: 'Région',
    other: 'Autre structure',
  };
  const reasons: Record<FeedErrorCode, string> = {
    network: 'Le serveur des données est injoignable.',
    http: 'Le serveur des données a répondu par une erreur.',
    timeout: 'Le serveur des données a mis trop de temps à répondre.',
    'too-large': 'Le fichier de données est trop volumineux.',
    'not-json': 'Le fichier de données n’est pas du JSON valide.',
    'not-a-feed': 'Le fichier ne contient pas de données au format attendu.',
    'unsupported-version': 'Cette version du format de données n’est pas prise en charge.',
    'no-programmes': 'Le fichier ne contient aucune entrée utilisable.',
  };
  const skipped = (n: number) =>
    count(n, { one: 'entrée ignorée', many: 'd’entrées ignorées', other: 'entrées ignorées' });
  const entries = (n: number, kind: EntryKind) => count(n, nouns[kind]);
  return {
    lang: 'fr',
    locale,
    mapLabel: (kind) =>
      kind === 'projects' ? 'Carte des projets' : 'Carte des budgets participatifs',
    loading: 'Chargement des budgets participatifs…',
    empty: 'Rien à afficher sur la carte.',
    errorTitle: 'Les données n’ont pas pu être chargées.',
    errorReason: (code) => reasons[code],
    retry: 'Réessayer',
    mapUnavailable: 'Le fond de carte n’a pas pu être chargé.',
    noMap: 'La carte ne peut pas s’afficher sur cet appareil (WebGL indisponible).',
    skipped,
    problemsNote: (n, values) =>
      [
        n > 0 ? skipped(n) : '',
        values > 0
          ? count(values, {
              one: 'valeur ignorée',
              many: 'de valeurs ignorées',
              other: 'valeurs ignorées',
            })
          : '',
      ]
        .filter(Boolean)
        .join(', '),
    zoomHint: 'Zoomer pour voir le détail',
    mapUi: {
      'AttributionControl.ToggleAttribution': 'Afficher ou masquer les sources',
      'AttributionControl.MapFeedback': 'Signaler une erreur sur la carte',
      'FullscreenControl.Enter': 'Passer en plein écran',
      'FullscreenControl.Exit': 'Quitter le plein écran',
      'GeolocateControl.FindMyLocation': 'Me localiser',
      'GeolocateControl.LocationNotAvailable': 'Position non disponible',
      'LogoControl.Title': 'Logo MapLibre',
      'Map.Title': 'Carte',
      'Marker.Title': 'Marqueur',
      'NavigationControl.ResetBearing':
        'Faire glisser pour tourner la carte, cliquer pour revenir au nord',
      'NavigationControl.ZoomIn': 'Zoomer',
      'NavigationControl.ZoomOut': 'Dézoomer',
      'Popup.Close': 'Fermer',
      'ScaleControl.Feet': 'ft',
      'ScaleControl.Meters': 'm',
      'ScaleControl.Kilometers': 'km',
      'ScaleControl.Miles': 'mi',
      'ScaleControl.NauticalMiles': 'NM',
      'GlobeControl.Enable': 'Afficher le globe',
      'GlobeControl.Disable': 'Afficher la carte à plat',
      'TerrainControl.Enable': 'Afficher le relief',
      'TerrainControl.Disable': 'Masquer le relief',
      'CooperativeGesturesHandler.WindowsHelpText': 'Utilisez Ctrl + molette pour zoomer la carte',
      'CooperativeGesturesHandler.MacHelpText': 'Utilisez ⌘ + molette pour zoomer la carte',
      'CooperativeGesturesHandler.MobileHelpText': 'Utilisez deux doigts pour déplacer la carte',
    },
    entries,
    clusterLabel: (n, amount, kind, known = n) =>
      !amount
        ? `Groupe de ${entries(n, kind)}`
        : known < n
          ? `Groupe de ${entries(n, kind)}, ${amount} (budget connu pour ${formatCount(known, locale)})`
          : `Groupe de ${entries(n, kind)}, ${amount}`,
    programmeLabel: (name, years, amount) =>
      [name, spokenYears(years, locale, 'à'), amount ? `${amount} par an` : '']
        .filter(Boolean)
        .join(', '),
    // French agrees 0 and 1 in the singular: « 0 programme affiché ».
    shown: (n, kind) => `${entries(n, kind)} ${n < 2 ? 'affiché' : 'affichés'}`,
    zoomResult: (clusters, singles, kind) =>
      `Zoom : ${count(clusters, { one: 'groupe', many: 'de groupes', other: 'groupes' })} et ${entries(singles, kind)} ${singles <= 1 ? 'seul' : 'seuls'} dans la vue`,
    skipMap: 'Passer la carte',
    mapEnd: 'Fin de la carte',
    contextLost:
      'La carte est momentanément indisponible (affichage graphique interrompu) ; elle revient d’elle-même.',
    stackTitle: (n, kind) => `${entries(n, kind)} à cet endroit`,
    close: 'Fermer',
    legendTitle: 'Légende',
    legendClusters: (kind) =>
      `Une bulle regroupe des ${kind === 'projects' ? 'projets' : 'programmes'} proches : leur nombre, et en dessous la somme de leurs budgets. Plus elle en compte, plus elle est grande ; l’activer zoome jusqu’à ce qu’elle se divise.`,
    legendSingle: (kind) =>
      `Un petit disque cerclé de blanc est un ${kind === 'projects' ? 'projet' : 'programme'} seul : l’activer ouvre sa fiche.`,
    legendFigure: (years, range, perInhabitant) =>
      `Montants : budget de la dernière édition${years ? ` en ${years}` : ''}${
        range
          ? `, parmi celles dont le budget${perInhabitant ? ' par habitant' : ''} est entre ${range}`
          : ''
      }.`,
    place: 'Lieu',
    level: 'Type de collectivité',
    levelName: (level) => levels[level],
    years: 'Éditions',
    year: 'Année',
    population: 'Population',
    budget: 'Budget',
    latestBudget: 'Dernier budget',
    budgetPerEdition: 'Budget par édition',
    perInhabitant: 'Par habitant',
    amountPerInhabitant: (amount) => `${amount} par habitant`,
    voters: 'Votants',
    projects: 'Projets lauréats',
    status: 'Statut',
    category: 'Catégorie',
    notStated: 'Non communiqué',
    website: 'Site du programme',
    filteredBudget: 'Budget retenu par le filtre',
    outsideFilter: 'hors filtre',
  };
}

function english(locale: string): Messages {
  const count = counter(locale);
  const nouns: Record<EntryKind, PluralForms> = {
    programmes: { one: 'programme', other: 'programmes' },
    projects: { one: 'project', other: 'projects' },
  };
  const levels: Record<Level, string> = {
    commune: 'Municipality',
    intercommunality: 'Group of municipalities',
    department: 'Department',
    region: 'Region',
    other: 'Other organisation',
  };
  const reasons: Record<FeedErrorCode, string> = {
    network: 'The data server could not be reached.',
    http: 'The data server answered with an error.',
    timeout: 'The data server took too long to answer.',
    'too-large': 'The data file is too large.',
    'not-json': 'The data file is not valid JSON.',
    'not-a-feed': 'The file does not hold data in the expected format.',
    'unsupported-version': 'This version of the data format is not supported.',
    'no-programmes': 'The file holds no usable entry.',
  };
  const skipped = (n: number) => count(n, { one: 'entry skipped', other: 'entries skipped' });
  const entries = (n: number, kind: EntryKind) => count(n, nouns[kind]);
  return {
    lang: 'en',
    locale,
    mapLabel: (kind) => (kind === 'projects' ? 'Map of projects' : 'Map of participatory budgets'),
    loading: 'Loading participatory budgets…',
    empty: 'Nothing to show on the map.',
    errorTitle: 'The data could not be loaded.',
    errorReason: (code) => reasons[code],
    retry: 'Try again',
    mapUnavailable: 'The base map could not be loaded.',
    noMap: 'The map cannot be shown on this device (WebGL is unavailable).',
    skipped,
    problemsNote: (n, values) =>
      [
        n > 0 ? skipped(n) : '',
        values > 0 ? count(values, { one: 'value dropped', other: 'values dropped' }) : '',
      ]
        .filter(Boolean)
        .join(', '),
    zoomHint: 'Zoom in to see more',
    mapUi: {
      'AttributionControl.ToggleAttribution': 'Toggle attribution',
      'AttributionControl.MapFeedback': 'Map feedback',
      'FullscreenControl.Enter': 'Enter fullscreen',
      'FullscreenControl.Exit': 'Exit fullscreen',
      'GeolocateControl.FindMyLocation': 'Find my location',
      'GeolocateControl.LocationNotAvailable': 'Location not available',
      'LogoControl.Title': 'MapLibre logo',
      'Map.Title': 'Map',
      'Marker.Title': 'Map marker',
      'NavigationControl.ResetBearing': 'Drag to rotate map, click to reset north',
      'NavigationControl.ZoomIn': 'Zoom in',
      'NavigationControl.ZoomOut': 'Zoom out',
      'Popup.Close': 'Close popup',
      'ScaleControl.Feet': 'ft',
      'ScaleControl.Meters': 'm',
      'ScaleControl.Kilometers': 'km',
      'ScaleControl.Miles': 'mi',
      'ScaleControl.NauticalMiles': 'nm',
      'GlobeControl.Enable': 'Enable globe',
      'GlobeControl.Disable': 'Disable globe',
      'TerrainControl.Enable': 'Enable terrain',
      'TerrainControl.Disable': 'Disable terrain',
      'CooperativeGesturesHandler.WindowsHelpText': 'Use Ctrl + scroll to zoom the map',
      'CooperativeGesturesHandler.MacHelpText': 'Use ⌘ + scroll to zoom the map',
      'CooperativeGesturesHandler.MobileHelpText': 'Use two fingers to move the map',
    },
    entries,
    clusterLabel: (n, amount, kind, known = n) =>
      !amount
        ? `Cluster of ${entries(n, kind)}`
        : known < n
          ? `Cluster of ${entries(n, kind)}, ${amount} (budget known for ${formatCount(known, locale)})`
          : `Cluster of ${entries(n, kind)}, ${amount}`,
    programmeLabel: (name, years, amount) =>
      [name, spokenYears(years, locale, 'to'), amount ? `${amount} a year` : '']
        .filter(Boolean)
        .join(', '),
    shown: (n, kind) => `${entries(n, kind)} shown`,
    zoomResult: (clusters, singles, kind) =>
      `Zoomed in: ${count(clusters, { one: 'cluster', other: 'clusters' })} and ${count(singles, { one: `single ${kind === 'projects' ? 'project' : 'programme'}`, other: `single ${kind}` })} in view`,
    skipMap: 'Skip the map',
    mapEnd: 'End of the map',
    contextLost:
      'The map is briefly unavailable (graphics were interrupted); it comes back by itself.',
    stackTitle: (n, kind) => `${entries(n, kind)} at this place`,
    close: 'Close',
    legendTitle: 'Legend',
    legendClusters: (kind) =>
      `A bubble groups ${kind} close to each other: how many, and below, the sum of their budgets. The more it holds, the larger it is; activating it zooms in until it splits.`,
    legendSingle: (kind) =>
      `A small disc ringed in white is a single ${kind === 'projects' ? 'project' : 'programme'}: activating it opens its card.`,
    legendFigure: (years, range, perInhabitant) =>
      `Amounts: budget of the latest edition${years ? ` in ${years}` : ''}${
        range
          ? `, among those whose budget${perInhabitant ? ' per inhabitant' : ''} is within ${range}`
          : ''
      }.`,
    place: 'Place',
    level: 'Type of authority',
    levelName: (level) => levels[level],
    years: 'Editions',
    year: 'Year',
    population: 'Population',
    budget: 'Budget',
    latestBudget: 'Latest budget',
    budgetPerEdition: 'Budget per edition',
    perInhabitant: 'Per inhabitant',
    amountPerInhabitant: (amount) => `${amount} per inhabitant`,
    voters: 'Voters',
    projects: 'Winning projects',
    status: 'Status',
    category: 'Category',
    notStated: 'Not stated',
    website: 'Programme website',
    filteredBudget: 'Budget under the filter',
    outsideFilter: 'outside the filter',
  };
}

/** "1 programa mostrado", "2 programas mostrados": the word that agrees with `n` under `locale`'s rules. */
function agreeing(locale: string): (n: number, one: string, other: string) => string {
  const rules = new Intl.PluralRules(locale);
  return (n, one, other) => (rules.select(n) === 'one' ? one : other);
}

function spanish(locale: string): Messages {
  const count = counter(locale);
  const agree = agreeing(locale);
  const nouns: Record<EntryKind, PluralForms> = {
    programmes: { one: 'programa', many: 'de programas', other: 'programas' },
    projects: { one: 'proyecto', many: 'de proyectos', other: 'proyectos' },
  };
  const levels: Record<Level, string> = {
    commune: 'Municipio',
    intercommunality: 'Mancomunidad',
    department: 'Departamento',
    region: 'Región',
    other: 'Otra entidad',
  };
  const reasons: Record<FeedErrorCode, string> = {
    network: 'No se puede contactar con el servidor de datos.',
    http: 'El servidor de datos ha respondido con un error.',
    timeout: 'El servidor de datos ha tardado demasiado en responder.',
    'too-large': 'El archivo de datos es demasiado grande.',
    'not-json': 'El archivo de datos no es un JSON válido.',
    'not-a-feed': 'El archivo no contiene datos en el formato esperado.',
    'unsupported-version': 'Esta versión del formato de datos no es compatible.',
    'no-programmes': 'El archivo no contiene ninguna entrada utilizable.',
  };
  const skipped = (n: number) =>
    count(n, { one: 'entrada omitida', many: 'de entradas omitidas', other: 'entradas omitidas' });
  const entries = (n: number, kind: EntryKind) => count(n, nouns[kind]);
  return {
    lang: 'es',
    locale,
    mapLabel: (kind) =>
      kind === 'projects' ? 'Mapa de los proyectos' : 'Mapa de los presupuestos participativos',
    loading: 'Cargando los presupuestos participativos…',
    empty: 'No hay nada que mostrar en el mapa.',
    errorTitle: 'No se han podido cargar los datos.',
    errorReason: (code) => reasons[code],
    retry: 'Reintentar',
    mapUnavailable: 'No se ha podido cargar el mapa base.',
    noMap: 'El mapa no se puede mostrar en este dispositivo (WebGL no disponible).',
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
    zoomHint: 'Acercar para ver el detalle',
    mapUi: {
      'AttributionControl.ToggleAttribution': 'Mostrar u ocultar las fuentes',
      'AttributionControl.MapFeedback': 'Informar de un error en el mapa',
      'FullscreenControl.Enter': 'Ver en pantalla completa',
      'FullscreenControl.Exit': 'Salir de la pantalla completa',
      'GeolocateControl.FindMyLocation': 'Mostrar mi ubicación',
      'GeolocateControl.LocationNotAvailable': 'Ubicación no disponible',
      'LogoControl.Title': 'Logotipo de MapLibre',
      'Map.Title': 'Mapa',
      'Marker.Title': 'Marcador',
      'NavigationControl.ResetBearing':
        'Arrastrar para girar el mapa, hacer clic para volver al norte',
      'NavigationControl.ZoomIn': 'Acercar',
      'NavigationControl.ZoomOut': 'Alejar',
      'Popup.Close': 'Cerrar',
      'ScaleControl.Feet': 'ft',
      'ScaleControl.Meters': 'm',
      'ScaleControl.Kilometers': 'km',
      'ScaleControl.Miles': 'mi',
      'ScaleControl.NauticalMiles': 'NM',
      'GlobeControl.Enable': 'Ver el globo',
      'GlobeControl.Disable': 'Ver el mapa plano',
      'TerrainControl.Enable': 'Mostrar el relieve',
      'TerrainControl.Disable': 'Ocultar el relieve',
      'CooperativeGesturesHandler.WindowsHelpText':
        'Use Ctrl + la rueda del ratón para hacer zoom en el mapa',
      'CooperativeGesturesHandler.MacHelpText':
        'Use ⌘ + la rueda del ratón para hacer zoom en el mapa',
      'CooperativeGesturesHandler.MobileHelpText': 'Use dos dedos para mover el mapa',
    },
    entries,
    clusterLabel: (n, amount, kind, known = n) =>
      !amount
        ? `Grupo de ${entries(n, kind)}`
        : known < n
          ? `Grupo de ${entries(n, kind)}, ${amount} (presupuesto conocido para ${formatCount(known, locale)})`
          : `Grupo de ${entries(n, kind)}, ${amount}`,
    programmeLabel: (name, years, amount) =>
      [name, spokenYears(years, locale, 'a'), amount ? `${amount} al año` : '']
        .filter(Boolean)
        .join(', '),
    shown: (n, kind) => `${entries(n, kind)} ${agree(n, 'mostrado', 'mostrados')}`,
    zoomResult: (clusters, singles, kind) =>
      `Zoom: ${count(clusters, { one: 'grupo', many: 'de grupos', other: 'grupos' })} y ${entries(singles, kind)} ${agree(singles, 'aislado', 'aislados')} en la vista`,
    skipMap: 'Saltar el mapa',
    mapEnd: 'Fin del mapa',
    contextLost:
      'El mapa no está disponible por un momento (se ha interrumpido la visualización gráfica); volverá por sí solo.',
    stackTitle: (n, kind) => `${entries(n, kind)} en este lugar`,
    close: 'Cerrar',
    legendTitle: 'Leyenda',
    legendClusters: (kind) =>
      `Una burbuja agrupa ${kind === 'projects' ? 'proyectos' : 'programas'} cercanos: cuántos son y, debajo, la suma de sus presupuestos. Cuantos más reúne, más grande es; activarla acerca el mapa hasta que se divide.`,
    legendSingle: (kind) =>
      `Un pequeño disco con borde blanco es un ${kind === 'projects' ? 'proyecto' : 'programa'} aislado: activarlo abre su ficha.`,
    legendFigure: (years, range, perInhabitant) =>
      `Importes: presupuesto de la última edición${years ? ` en ${years}` : ''}${
        range
          ? `, de entre aquellas cuyo presupuesto${perInhabitant ? ' por habitante' : ''} está dentro de ${range}`
          : ''
      }.`,
    place: 'Lugar',
    level: 'Tipo de entidad',
    levelName: (level) => levels[level],
    years: 'Ediciones',
    year: 'Año',
    population: 'Población',
    budget: 'Presupuesto',
    latestBudget: 'Último presupuesto',
    budgetPerEdition: 'Presupuesto por edición',
    perInhabitant: 'Por habitante',
    amountPerInhabitant: (amount) => `${amount} por habitante`,
    voters: 'Votantes',
    projects: 'Proyectos ganadores',
    status: 'Estado',
    category: 'Categoría',
    notStated: 'No indicado',
    website: 'Sitio web del programa',
    filteredBudget: 'Presupuesto según el filtro',
    outsideFilter: 'fuera del filtro',
  };
}

/** European Portuguese (orçamento participativo); numbers follow the tag (`pt`, `pt-BR`, `pt-PT`). */
function portuguese(locale: string): Messages {
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
  };
}

const catalogues: Record<Lang, (locale: string) => Messages> = {
  fr: french,
  en: english,
  es: spanish,
  pt: portuguese,
};
const cache = new Map<string, Messages>();

/**
 * The messages for a language tag: `en`, `en-GB`, `EN_us` give English; `es`, `es-MX` Spanish;
 * `pt`, `pt-BR` Portuguese; `fr`, `fr-CA`, an unknown language, an empty or malformed tag give
 * French. Counts are formatted with the tag itself when
 * it is valid (`fr-CH`), else with the bare language.
 */
export function messagesFor(lang: string): Messages {
  let messages = cache.get(lang);
  if (!messages) {
    const tag = lang.trim().replace(/_/g, '-');
    const primary = tag.split('-')[0]?.toLowerCase();
    const resolved: Lang = isLang(primary) ? primary : 'fr';
    messages = catalogues[resolved](primary === resolved ? canonical(tag, resolved) : resolved);
    cache.set(lang, messages);
  }
  return messages;
}

function isLang(primary: string | undefined): primary is Lang {
  return primary !== undefined && Object.hasOwn(catalogues, primary);
}

/** The canonical form of a BCP 47 tag (`en-gb` → `en-GB`), or `fallback` when it is malformed. */
function canonical(tag: string, fallback: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? fallback;
  } catch {
    return fallback;
  }
}

/**
 * An element's own catalogue lookup, built on the map's: its words for a language tag (French
 * unless the tag is English, Spanish or Portuguese, as `messagesFor`), with the map's own catalogue as `base`; one object
 * per tag, made on first use.
 *
 * @example
 * export const listMessagesFor = catalogue({
 *   fr: () => ({ more: 'Plus' }),
 *   en: () => ({ more: 'More' }),
 *   es: () => ({ more: 'Más' }),
 *   pt: () => ({ more: 'Mais' }),
 * });
 */
export function catalogue<T>(
  builders: Record<Lang, (base: Messages) => T>,
): (lang: string) => T & { base: Messages } {
  const made = new Map<string, T & { base: Messages }>();
  return (lang) => {
    let messages = made.get(lang);
    if (!messages) {
      const base = messagesFor(lang);
      messages = { ...builders[base.lang](base), base };
      made.set(lang, messages);
    }
    return messages;
  };
}
