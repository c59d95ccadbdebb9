// <pb-map> in each state a person can meet. Controls and docs: from the Custom Elements
// Manifest (the element's JSDoc). Each story's `play` checks that the map reaches its state.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { PbMap } from '../src/elements/pb-map/pb-map.component.js';
import {
  FEEDS,
  SAMPLE_PROGRAMME,
  create,
  expectMapState,
  find,
  framed,
  holdFeed,
  syntheticFeed,
  until,
} from './support.js';

const meta = {
  title: 'Elements/pb-map',
  component: 'pb-map',
  render: (args, context) => create('pb-map', args, context),
  args: { src: FEEDS.sample },
} satisfies Meta;

export default meta;
type Story = StoryObj;

const map = (canvasElement: HTMLElement): PbMap => find<PbMap>(canvasElement, 'pb-map');

/** The sample feed (56 French programmes), clustered over the offline basemap. */
export const Loaded: Story = {
  play: ({ canvasElement }) => expectMapState(map(canvasElement), 'loaded'),
};

/** While the feed downloads: a message over the map (here the download never ends). */
export const Loading: Story = {
  args: { src: FEEDS.held },
  beforeEach: () => holdFeed(),
  play: ({ canvasElement }) => expectMapState(map(canvasElement), 'loading'),
};

/** A valid feed with no programme in it. */
export const Empty: Story = {
  args: { src: FEEDS.empty },
  play: ({ canvasElement }) => expectMapState(map(canvasElement), 'empty'),
};

/** The feed is not there (HTTP 404): the error, and a button to try again. */
export const NotFound: Story = {
  args: { src: FEEDS.missing },
  play: ({ canvasElement }) => expectMapState(map(canvasElement), 'error'),
};

/** The feed is not JSON (cut off). */
export const NotJson: Story = {
  args: { src: FEEDS.notJson },
  play: ({ canvasElement }) => expectMapState(map(canvasElement), 'error'),
};

/** Some entries are left out: the map shows the rest, and a note says what was wrong. */
export const PartlyInvalid: Story = {
  args: { src: FEEDS.partlyInvalid },
  play: async ({ canvasElement }) => {
    await expectMapState(map(canvasElement), 'loaded');
    await until(() => !!map(canvasElement).shadowRoot!.querySelector('[part~="note"]'), 'the note');
  },
};

/** Filter presets in the attributes: Bretagne, editions from 2020 on. */
export const Filtered: Story = {
  args: { region: 'Bretagne', years: '2020-2026' },
  play: async ({ canvasElement }) => {
    const element = map(canvasElement);
    await expectMapState(element, 'loaded');
    const kept = element.selection?.totals.programmes ?? 0;
    if (!(kept > 0 && kept < 56)) throw new Error(`The presets should keep a few (kept ${kept})`);
  },
};

/** A programme's card, opened with `select(id)` as a list or a script would. */
export const CardOpen: Story = {
  play: async ({ canvasElement }) => {
    const element = map(canvasElement);
    await expectMapState(element, 'loaded');
    if (!element.select(SAMPLE_PROGRAMME)) throw new Error(`No ${SAMPLE_PROGRAMME} in the feed`);
    await until(() => !!element.shadowRoot!.querySelector('[part~="card"]'), 'the card');
  },
};

/** `theme="dark"`: the dark palette and basemap, on a dark page. */
export const DarkTheme: Story = {
  args: { theme: 'dark' },
  decorators: [(story) => framed(story() as HTMLElement, { dark: true })],
  play: ({ canvasElement }) => expectMapState(map(canvasElement), 'loaded'),
};

/** In a page in English (`lang="en"` on an ancestor). */
export const English: Story = {
  decorators: [(story) => framed(story() as HTMLElement, { lang: 'en' })],
  play: async ({ canvasElement }) => {
    const element = map(canvasElement);
    await expectMapState(element, 'loaded');
    const skip = element.shadowRoot!.querySelector('.skip')?.textContent?.trim();
    if (skip !== 'Skip the map') throw new Error(`Not in English: "${skip}"`);
  },
};

/** On a phone: 375 px wide (the viewport, and a 375 px frame where the viewport is not set). */
export const Mobile: Story = {
  globals: { viewport: { value: 'mobile375', isRotated: false } },
  decorators: [(story) => framed(story() as HTMLElement, { width: 375 })],
  play: ({ canvasElement }) => expectMapState(map(canvasElement), 'loaded'),
};

/** 100,000 programmes, generated in the page (src/core/generate.ts). */
export const HundredThousand: Story = {
  name: '100,000 programmes',
  // Not on the Docs page, which shows every story at once: open it on its own.
  tags: ['!autodocs'],
  loaders: [() => ({ src: syntheticFeed(100_000) })],
  render: (args, context) =>
    create('pb-map', { ...args, src: (context.loaded as { src: string }).src }, context),
  play: ({ canvasElement }) => expectMapState(map(canvasElement), 'loaded', 60_000),
};
