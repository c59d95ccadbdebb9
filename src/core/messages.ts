/**
 * Every word the map shows or announces, in French (the default), English, Spanish and Portuguese.
 * Each catalogue is typed as {@link Messages}, so a string missing from one is a compile error.
 * Counts go through Intl.PluralRules: French says "0 programme", "1 000 000 de programmes";
 * English "0 programmes"; Spanish "0 programas", "1.000.000 de programas".
 */
import type { FeedErrorCode, Level } from './feed/model.js';
import type { DromCode } from './territories.js';

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

  // view="france"
  /** Names of the overseas insets, by ISO code: "Guadeloupe", "La Réunion"… */
  territories: Record<DromCode, string>;
  /** Accessible name of the insets as a whole. */
  overseas: string;
}

/** Years as heard: "2016 à 2024", "2014 à 2019, 2021" (the en dash of `formatYears` read as a word). */
export function spokenYears(years: readonly number[], locale: string, to: string): string {
  return formatYears(years, locale).replace(/\u2013/g, ` ${to} `);
}

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** "12 programmes": the count formatted for `locale`, then the noun in its plural form. */
export function counter(locale: string): (n: number, forms: PluralForms) => string {
  const rules = new Intl.PluralRules(locale);
  return (n, forms) => `${formatCount(n, locale)} ${forms[rules.select(n)] ?? forms.other}`;
}

/** "1 programa mostrado", "2 programas mostrados": the word that agrees with `n` under `locale`'s rules. */
export function agreeing(locale: string): (n: number, one: string, other: string) => string {
  const rules = new Intl.PluralRules(locale);
  return (n, one, other) => (rules.select(n) === 'one' ? one : other);
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
    territories: {
      GP: 'Guadeloupe',
      MQ: 'Martinique',
      GF: 'Guyane',
      RE: 'La Réunion',
      YT: 'Mayotte',
    },
    overseas: 'Départements et régions d’outre-mer',
  };
}

/** The catalogues at hand: French always; the others once loaded (see {@link loadLanguage}). */
const catalogues: Partial<Record<Lang, (locale: string) => Messages>> = { fr: french };
/** The other languages, each in its own file, fetched the first time a page asks for it. */
const loaders: Record<Exclude<Lang, 'fr'>, () => Promise<(locale: string) => Messages>> = {
  en: () => import('./messages.en.js').then((m) => m.english),
  es: () => import('./messages.es.js').then((m) => m.spanish),
  pt: () => import('./messages.pt.js').then((m) => m.portuguese),
};
const LANGS: readonly Lang[] = ['fr', 'en', 'es', 'pt'];
const loading = new Map<Lang, Promise<void>>();
/** Elements showing French while their language loads: redrawn when it arrives. */
const waiting = new Map<Lang, Set<Redrawable>>();
const cache = new Map<string, Messages>();

/** What {@link messagesFor} redraws once a language it had to fetch has arrived (a lit element). */
export interface Redrawable {
  requestUpdate(): void;
}

/** The language a tag asks for: `en-GB` → `en`; French for an unknown, empty or malformed tag. */
function languageOf(lang: string): { tag: string; primary?: string; resolved: Lang } {
  const tag = lang.trim().replace(/_/g, '-');
  const primary = tag.split('-')[0]?.toLowerCase();
  return { tag, primary, resolved: isLang(primary) ? primary : 'fr' };
}

/** Whether the words of `lang` are at hand (French always is; the others once loaded). */
export function languageReady(lang: string): boolean {
  return catalogues[languageOf(lang).resolved] !== undefined;
}

/**
 * Fetches the words of `lang` unless they are at hand (French always is); resolves once they are.
 * Each language other than French is its own small file, so a French page never loads them.
 */
export function loadLanguage(lang: string): Promise<void> {
  const { resolved } = languageOf(lang);
  if (resolved === 'fr' || catalogues[resolved]) return Promise.resolve();
  let promise = loading.get(resolved);
  if (!promise) {
    promise = loaders[resolved]().then(
      (build) => {
        catalogues[resolved] = build;
        for (const element of waiting.get(resolved) ?? []) element.requestUpdate();
        waiting.delete(resolved);
      },
      (error: unknown) => {
        loading.delete(resolved); // a later element tries again; French meanwhile
        throw error;
      },
    );
    loading.set(resolved, promise);
  }
  return promise;
}

/**
 * The messages for a language tag: `en`, `en-GB`, `EN_us` give English; `es`, `es-MX` Spanish;
 * `pt`, `pt-BR` Portuguese; `fr`, `fr-CA`, an unknown language, an empty or malformed tag give
 * French. Counts are formatted with the tag itself when it is valid (`fr-CH`), else with the
 * bare language.
 *
 * A language other than French is fetched on first use ({@link loadLanguage}): until it arrives
 * this returns French, and `redraw` (the element asking) is redrawn when it does.
 */
export function messagesFor(lang: string, redraw?: Redrawable): Messages {
  let messages = cache.get(lang);
  if (!messages) {
    const { tag, primary, resolved } = languageOf(lang);
    const build = catalogues[resolved];
    if (!build) {
      if (redraw) {
        let set = waiting.get(resolved);
        if (!set) waiting.set(resolved, (set = new Set()));
        set.add(redraw);
      }
      loadLanguage(lang).catch(() => {}); // stays French when the file cannot load
      return messagesFor('fr');
    }
    messages = build(primary === resolved ? canonical(tag, resolved) : resolved);
    cache.set(lang, messages);
  }
  return messages;
}

function isLang(primary: string | undefined): primary is Lang {
  return primary !== undefined && (LANGS as readonly string[]).includes(primary);
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
): (lang: string, redraw?: Redrawable) => T & { base: Messages } {
  const made = new Map<string, T & { base: Messages }>();
  return (lang, redraw) => {
    let messages = made.get(lang);
    if (!messages) {
      const base = messagesFor(lang, redraw);
      messages = { ...builders[base.lang](base), base };
      // Not kept while French stands in for a language still loading.
      if (base.lang === languageOf(lang).resolved) made.set(lang, messages);
    }
    return messages;
  };
}
