// <pb-atlas>: figures, filters, map and list in one tag, in each state a person can meet.
// Controls and docs: from the Custom Elements Manifest. Each `play` checks the state is reached.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import {
  FEEDS,
  create,
  expectMapState,
  expectRendered,
  framed,
  holdFeed,
  mapOf,
  syntheticFeed,
  until,
  type MapState,
} from './support.js';

const meta = {
  title: 'Elements/pb-atlas',
  component: 'pb-atlas',
  render: (args, context) => create('pb-atlas', args, context),
  args: { src: FEEDS.sample },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The atlas has drawn its frame, and its map reached `state`. */
async function expectAtlas(canvasElement: HTMLElement, state: MapState, ms?: number) {
  await expectRendered(canvasElement, 'pb-atlas');
  await expectMapState(await mapOf(canvasElement), state, ms);
}

/** The sample feed: figures and filters beside the map, the list below (wide layout). */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    await expectAtlas(canvasElement, 'loaded');
    const atlas = canvasElement.querySelector('pb-atlas')!;
    const list = atlas.shadowRoot!.querySelector('pb-list')!;
    await until(() => !!list.shadowRoot?.querySelector('tbody tr'), 'rows in the list');
  },
};

/** While the feed downloads (here it never ends). */
export const Loading: Story = {
  args: { src: FEEDS.held },
  beforeEach: () => holdFeed(),
  play: ({ canvasElement }) => expectAtlas(canvasElement, 'loading'),
};

/** A feed with no programme. */
export const Empty: Story = {
  args: { src: FEEDS.empty },
  play: ({ canvasElement }) => expectAtlas(canvasElement, 'empty'),
};

/** The feed is not there (404). */
export const NotFound: Story = {
  args: { src: FEEDS.missing },
  play: ({ canvasElement }) => expectAtlas(canvasElement, 'error'),
};

/** Some entries left out: the note in the map says which and why. */
export const PartlyInvalid: Story = {
  args: { src: FEEDS.partlyInvalid },
  play: ({ canvasElement }) => expectAtlas(canvasElement, 'loaded'),
};

/** Filter presets: Pays de la Loire, budgets from 100,000 €. */
export const Filtered: Story = {
  args: { region: 'Pays de la Loire', budget: '100000-' },
  play: ({ canvasElement }) => expectAtlas(canvasElement, 'loaded'),
};

/** `theme="dark"`, on a dark page. */
export const DarkTheme: Story = {
  args: { theme: 'dark' },
  decorators: [(story) => framed(story() as HTMLElement, { dark: true })],
  play: ({ canvasElement }) => expectAtlas(canvasElement, 'loaded'),
};

/** `lang="en"` on the atlas. */
export const English: Story = {
  args: { lang: 'en' },
  play: ({ canvasElement }) => expectAtlas(canvasElement, 'loaded'),
};

/** 375 px wide: the map first, a button opens figures, filters and list. */
export const Mobile: Story = {
  globals: { viewport: { value: 'mobile375', isRotated: false } },
  decorators: [(story) => framed(story() as HTMLElement, { width: 375 })],
  play: async ({ canvasElement }) => {
    await expectAtlas(canvasElement, 'loaded');
    const toggle = canvasElement.querySelector('pb-atlas')!.shadowRoot!.querySelector('.toggle');
    if (!toggle || getComputedStyle(toggle).display === 'none') {
      throw new Error('The narrow layout should show the panel button');
    }
  },
};

/** 100,000 programmes generated in the page: the list shows them a page at a time. */
export const HundredThousand: Story = {
  name: '100,000 programmes',
  // Not on the Docs page, which shows every story at once: open it on its own.
  tags: ['!autodocs'],
  loaders: [() => ({ src: syntheticFeed(100_000) })],
  render: (args, context) =>
    create('pb-atlas', { ...args, src: (context.loaded as { src: string }).src }, context),
  play: ({ canvasElement }) => expectAtlas(canvasElement, 'loaded', 60_000),
};
