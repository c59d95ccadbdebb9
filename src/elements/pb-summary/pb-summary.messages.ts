/**
 * The words of `<pb-summary>`, in French (the default), English, Spanish and Portuguese. Each catalogue is typed as
 * {@link SummaryMessages}, so a string missing from one is a compile error. The language is the
 * one `messagesFor` resolves from the nearest `lang`; counts reuse its plural rules.
 */
import { formatCount } from '../../core/format.js';
import { catalogue, type EntryKind, type Messages } from '../../core/messages.js';

/** One language's strings for the summary. */
export interface SummaryMessages {
  /** "3,1 M habitants": `amount` is `n` already formatted (compact). */
  inhabitants: (n: number, amount: string) => string;
  /** After a partial budget sum: "budget connu pour 150". */
  budgetKnownFor: (n: number) => string;
  /** "20,65 € par habitant". */
  perInhabitant: (amount: string) => string;
  /** "12 programmes sans population mis de côté" (per-inhabitant mode). */
  setAside: (n: number, kind: EntryKind) => string;
}

function french(m: Messages): SummaryMessages {
  const rules = new Intl.PluralRules(m.locale);
  return {
    inhabitants: (n, amount) => {
      const form = rules.select(n);
      return `${amount} ${form === 'one' ? 'habitant' : form === 'many' ? 'd’habitants' : 'habitants'}`;
    },
    budgetKnownFor: (n) => `budget connu pour ${formatCount(n, m.locale)}`,
    perInhabitant: (amount) => `${amount} par habitant`,
    setAside: (n, kind) =>
      // "mis" is the same in the singular and the plural (programme and projet are masculine).
      `${m.entries(n, kind)} sans population mis de côté`,
  };
}

function english(m: Messages): SummaryMessages {
  const rules = new Intl.PluralRules(m.locale);
  return {
    inhabitants: (n, amount) =>
      `${amount} ${rules.select(n) === 'one' ? 'inhabitant' : 'inhabitants'}`,
    budgetKnownFor: (n) => `budget known for ${formatCount(n, m.locale)}`,
    perInhabitant: (amount) => `${amount} per inhabitant`,
    setAside: (n, kind) => `${m.entries(n, kind)} without a population set aside`,
  };
}

function spanish(m: Messages): SummaryMessages {
  const rules = new Intl.PluralRules(m.locale);
  return {
    inhabitants: (n, amount) => {
      const form = rules.select(n);
      return `${amount} ${form === 'one' ? 'habitante' : form === 'many' ? 'de habitantes' : 'habitantes'}`;
    },
    budgetKnownFor: (n) => `presupuesto conocido para ${formatCount(n, m.locale)}`,
    perInhabitant: (amount) => `${amount} por habitante`,
    setAside: (n, kind) =>
      `${m.entries(n, kind)} sin población ${rules.select(n) === 'one' ? 'apartado' : 'apartados'}`,
  };
}

function portuguese(m: Messages): SummaryMessages {
  const rules = new Intl.PluralRules(m.locale);
  return {
    inhabitants: (n, amount) => {
      const form = rules.select(n);
      return `${amount} ${form === 'one' ? 'habitante' : form === 'many' ? 'de habitantes' : 'habitantes'}`;
    },
    budgetKnownFor: (n) => `orçamento conhecido para ${formatCount(n, m.locale)}`,
    perInhabitant: (amount) => `${amount} por habitante`,
    setAside: (n, kind) =>
      `${m.entries(n, kind)} sem população ${rules.select(n) === 'one' ? 'deixado' : 'deixados'} de parte`,
  };
}

/** The words for a language tag (see `messagesFor`), with the map's own as `base`. */
export const summaryMessagesFor = catalogue<SummaryMessages>({
  fr: french,
  en: english,
  es: spanish,
  pt: portuguese,
});
