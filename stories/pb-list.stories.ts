// <pb-list>, following a <pb-map> (`for`), in the states a person can meet. Controls and docs:
// from the Custom Elements Manifest. Each `play` checks what the list shows.
import type { Args, Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import {
  FEEDS,
  create,
  expectMapState,
  expectRendered,
  find,
  framed,
  mapOf,
  until,
  withMap,
} from './support.js';

const meta = {
  title: 'Elements/pb-list',
  component: 'pb-list',
  render: (args, context) =>
    withFeed(create('pb-list', args, context), context, FEEDS.sample, args),
  argTypes: { for: { control: false } },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The list under its map, which loads `src` (and takes the list's `theme`). */
function withFeed(list: HTMLElement, context: StoryContext, src: string, args: Args) {
  return withMap(list, context, { src, ...(args.theme ? { theme: String(args.theme) } : {}) });
}

const rows = (canvasElement: HTMLElement): number =>
  find(canvasElement, 'pb-list').shadowRoot?.querySelectorAll('tbody tr').length ?? 0;

/** The sample feed's 56 programmes, sorted by name, 100 rows a page. */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    await expectRendered(canvasElement, 'pb-list');
    await until(() => rows(canvasElement) > 0, 'rows in the list');
  },
};

/** Ten rows a page (`page-size`), with the button for more. */
export const Paged: Story = {
  args: { 'page-size': 10 },
  play: async ({ canvasElement }) => {
    await until(() => rows(canvasElement) === 10, 'ten rows');
    const list = find(canvasElement, 'pb-list');
    if (!list.shadowRoot!.querySelector('[part~="more"]')) throw new Error('No "more" button');
  },
};

/** Only what the map shows (`scope="view"`), following it as it moves. */
export const FollowingTheView: Story = {
  args: { scope: 'view' },
  play: async ({ canvasElement }) => {
    await expectMapState(await mapOf(canvasElement), 'loaded');
    await until(() => rows(canvasElement) > 0, 'rows in the list');
  },
};

/** A feed with no programme: an empty table says so. */
export const Empty: Story = {
  render: (args, context) => withFeed(create('pb-list', args, context), context, FEEDS.empty, args),
  play: async ({ canvasElement }) => {
    await expectMapState(await mapOf(canvasElement), 'empty');
    await expectRendered(canvasElement, 'pb-list');
  },
};

/** `theme="dark"`, on a dark page. */
export const DarkTheme: Story = {
  args: { theme: 'dark' },
  decorators: [(story) => framed(story() as HTMLElement, { dark: true })],
  play: ({ canvasElement }) => until(() => rows(canvasElement) > 0, 'rows in the list'),
};

/** In a page in English. */
export const English: Story = {
  decorators: [(story) => framed(story() as HTMLElement, { lang: 'en' })],
  play: ({ canvasElement }) => until(() => rows(canvasElement) > 0, 'rows in the list'),
};

/** 375 px wide: the table scrolls sideways in its box. */
export const Mobile: Story = {
  globals: { viewport: { value: 'mobile375', isRotated: false } },
  decorators: [(story) => framed(story() as HTMLElement, { width: 375 })],
  play: ({ canvasElement }) => until(() => rows(canvasElement) > 0, 'rows in the list'),
};
