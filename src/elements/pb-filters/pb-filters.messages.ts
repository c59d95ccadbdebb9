/**
 * The words of `<pb-filters>`, in French (the default), English, Spanish and Portuguese. Each
 * catalogue is typed as {@link FilterMessages}, so a string missing from one is a compile error. Counts and nouns come
 * from the map's own catalogue (core/messages.ts), numbers from core/format.ts.
 */
import { formatCount } from '../../core/format.js';
import { catalogue, type EntryKind, type Lang, type Messages } from '../../core/messages.js';

/** One language's strings for the filter panel. */
export interface FilterMessages {
  lang: Lang;
  /** The locale numbers are formatted with. */
  locale: string;
  /** The map's catalogue: entries(n, kind), levelName(level). */
  map: Messages;

  /** Legend of the whole form: "Filtrer les programmes". */
  title: (kind: EntryKind) => string;
  /** While no map is linked or no feed is loaded. */
  waiting: string;
  /** Overall count: "187 programmes sur 560" (the map announces changes, not this). */
  summary: (kept: number, total: number, kind: EntryKind) => string;
  /** What a range or text control leaves: "150 sur 187" (constrained) or "187 programmes". */
  leaves: (kept: number, without: number, kind: EntryKind) => string;

  years: string;
  firstYear: string;
  lastYear: string;
  /** Caption of the per-year table under the year slider: "Programmes par année". */
  perYear: (kind: EntryKind) => string;
  /** Column heading of that table. */
  year: string;
  /** Column heading of that table: "Programmes". */
  count: (kind: EntryKind) => string;

  budget: string;
  budgetMin: string;
  budgetMax: string;
  /** Value of the minimum handle at its bottom end. */
  noMin: string;
  /** Value of the maximum handle at its top end. */
  noMax: string;
  /** What the budget range ranges over. */
  budgetPer: string;
  total: string;
  perInhabitant: string;
  /** "6,50 €/hab.": a formatted amount per inhabitant, short. */
  amountPerInhabitant: (amount: string) => string;
  /** "12 programmes sans population connue mis de côté". */
  setAside: (n: number, kind: EntryKind) => string;

  level: string;
  region: string;
  allRegions: string;
  country: string;
  allCountries: string;
  /** When the filter holds several values a select cannot show one by one. */
  several: (names: string) => string;
  /** "Commune (120)". */
  option: (name: string, count: number) => string;

  search: string;
  reset: string;
}

function french(map: Messages): FilterMessages {
  const locale = map.locale;
  const n = (k: number) => formatCount(k, locale);
  return {
    lang: 'fr',
    locale,
    map,
    title: (kind) => (kind === 'projects' ? 'Filtrer les projets' : 'Filtrer les programmes'),
    waiting: 'Les filtres seront disponibles une fois les données de la carte chargées.',
    summary: (kept, total, kind) => `${map.entries(kept, kind)} sur ${n(total)}`,
    leaves: (kept, without, kind) =>
      kept === without ? map.entries(kept, kind) : `${map.entries(kept, kind)} sur ${n(without)}`,
    years: 'Années',
    firstYear: 'Première année',
    lastYear: 'Dernière année',
    perYear: (kind) => (kind === 'projects' ? 'Projets par année' : 'Programmes par année'),
    year: 'Année',
    count: (kind) => (kind === 'projects' ? 'Projets' : 'Programmes'),
    budget: 'Budget',
    budgetMin: 'Budget minimum',
    budgetMax: 'Budget maximum',
    noMin: 'sans minimum',
    noMax: 'sans maximum',
    budgetPer: 'Budget considéré',
    total: 'Total',
    perInhabitant: 'Par habitant',
    amountPerInhabitant: (amount) => `${amount}/hab.`,
    setAside: (k, kind) => `${map.entries(k, kind)} sans population connue mis de côté`,
    level: map.level,
    region: 'Région',
    allRegions: 'Toutes les régions',
    country: 'Pays',
    allCountries: 'Tous les pays',
    several: (names) => `Plusieurs : ${names}`,
    option: (name, count) => `${name} (${n(count)})`,
    search: 'Rechercher un nom ou un lieu',
    reset: 'Réinitialiser les filtres',
  };
}

function english(map: Messages): FilterMessages {
  const locale = map.locale;
  const n = (k: number) => formatCount(k, locale);
  return {
    lang: 'en',
    locale,
    map,
    title: (kind) => (kind === 'projects' ? 'Filter projects' : 'Filter programmes'),
    waiting: 'Filters will be available once the map’s data is loaded.',
    summary: (kept, total, kind) => `${n(kept)} of ${map.entries(total, kind)}`,
    leaves: (kept, without, kind) =>
      kept === without ? map.entries(kept, kind) : `${n(kept)} of ${map.entries(without, kind)}`,
    years: 'Years',
    firstYear: 'First year',
    lastYear: 'Last year',
    perYear: (kind) => (kind === 'projects' ? 'Projects per year' : 'Programmes per year'),
    year: 'Year',
    count: (kind) => (kind === 'projects' ? 'Projects' : 'Programmes'),
    budget: 'Budget',
    budgetMin: 'Minimum budget',
    budgetMax: 'Maximum budget',
    noMin: 'no minimum',
    noMax: 'no maximum',
    budgetPer: 'Budget measured as',
    total: 'Total',
    perInhabitant: 'Per inhabitant',
    amountPerInhabitant: (amount) => `${amount}/inhab.`,
    setAside: (k, kind) => `${map.entries(k, kind)} without a known population set aside`,
    level: map.level,
    region: 'Region',
    allRegions: 'All regions',
    country: 'Country',
    allCountries: 'All countries',
    several: (names) => `Several: ${names}`,
    option: (name, count) => `${name} (${n(count)})`,
    search: 'Search a name or a place',
    reset: 'Reset filters',
  };
}

function spanish(map: Messages): FilterMessages {
  const locale = map.locale;
  const n = (k: number) => formatCount(k, locale);
  const rules = new Intl.PluralRules(locale);
  return {
    lang: 'es',
    locale,
    map,
    title: (kind) => (kind === 'projects' ? 'Filtrar los proyectos' : 'Filtrar los programas'),
    waiting: 'Los filtros estarán disponibles cuando se hayan cargado los datos del mapa.',
    summary: (kept, total, kind) => `${map.entries(kept, kind)} de ${n(total)}`,
    leaves: (kept, without, kind) =>
      kept === without ? map.entries(kept, kind) : `${map.entries(kept, kind)} de ${n(without)}`,
    years: 'Años',
    firstYear: 'Primer año',
    lastYear: 'Último año',
    perYear: (kind) => (kind === 'projects' ? 'Proyectos por año' : 'Programas por año'),
    year: 'Año',
    count: (kind) => (kind === 'projects' ? 'Proyectos' : 'Programas'),
    budget: 'Presupuesto',
    budgetMin: 'Presupuesto mínimo',
    budgetMax: 'Presupuesto máximo',
    noMin: 'sin mínimo',
    noMax: 'sin máximo',
    budgetPer: 'Presupuesto considerado',
    total: 'Total',
    perInhabitant: 'Por habitante',
    amountPerInhabitant: (amount) => `${amount}/hab.`,
    setAside: (k, kind) =>
      `${map.entries(k, kind)} sin población conocida ${rules.select(k) === 'one' ? 'apartado' : 'apartados'}`,
    level: map.level,
    region: 'Región',
    allRegions: 'Todas las regiones',
    country: 'País',
    allCountries: 'Todos los países',
    several: (names) => `Varios: ${names}`,
    option: (name, count) => `${name} (${n(count)})`,
    search: 'Buscar un nombre o un lugar',
    reset: 'Restablecer los filtros',
  };
}

function portuguese(map: Messages): FilterMessages {
  const locale = map.locale;
  const n = (k: number) => formatCount(k, locale);
  const rules = new Intl.PluralRules(locale);
  return {
    lang: 'pt',
    locale,
    map,
    title: (kind) => (kind === 'projects' ? 'Filtrar os projetos' : 'Filtrar os programas'),
    waiting: 'Os filtros ficarão disponíveis assim que os dados do mapa forem carregados.',
    summary: (kept, total, kind) => `${map.entries(kept, kind)} de ${n(total)}`,
    leaves: (kept, without, kind) =>
      kept === without ? map.entries(kept, kind) : `${map.entries(kept, kind)} de ${n(without)}`,
    years: 'Anos',
    firstYear: 'Primeiro ano',
    lastYear: 'Último ano',
    perYear: (kind) => (kind === 'projects' ? 'Projetos por ano' : 'Programas por ano'),
    year: 'Ano',
    count: (kind) => (kind === 'projects' ? 'Projetos' : 'Programas'),
    budget: 'Orçamento',
    budgetMin: 'Orçamento mínimo',
    budgetMax: 'Orçamento máximo',
    noMin: 'sem mínimo',
    noMax: 'sem máximo',
    budgetPer: 'Orçamento considerado',
    total: 'Total',
    perInhabitant: 'Por habitante',
    amountPerInhabitant: (amount) => `${amount}/hab.`,
    setAside: (k, kind) =>
      `${map.entries(k, kind)} sem população conhecida ${rules.select(k) === 'one' ? 'deixado' : 'deixados'} de parte`,
    level: map.level,
    region: 'Região',
    allRegions: 'Todas as regiões',
    country: 'País',
    allCountries: 'Todos os países',
    several: (names) => `Vários: ${names}`,
    option: (name, count) => `${name} (${n(count)})`,
    search: 'Pesquisar um nome ou um local',
    reset: 'Repor os filtros',
  };
}

/** The filter panel's strings for a language tag (see `messagesFor`: French unless English, Spanish or Portuguese). */
export const filterMessagesFor = catalogue<FilterMessages>({
  fr: french,
  en: english,
  es: spanish,
  pt: portuguese,
});
