// Smoke test of the built Storybook (`npm run build-storybook`, run by `npm test` before the
// browser tests): every story listed in storybook-static/index.json is loaded on its own
// (iframe.html?id=…&viewMode=story) in an iframe, as Storybook's canvas shows it. A story fails
// when Storybook shows its error display (a render error, or the story's `play` check failing:
// each story checks that its element reaches its state, see stories/support.ts), when the page
// has an uncaught error or logs a console error, or when no pb-* element drew anything.
import { expect } from '@esm-bundle/chai';

interface IndexEntry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
}

/** What Storybook's preview exposes on its window (storybook/internal/preview-api). */
interface PreviewWindow extends Window {
  __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } };
  __STORYBOOK_ADDONS_CHANNEL__?: { on(event: string, listener: (payload: unknown) => void): void };
}

/** Storybook's events (storybook/internal/core-events) that mean the story failed. */
const FAILURES = [
  'storyErrored',
  'storyThrewException',
  'playFunctionThrewException',
  'unhandledErrorsWhilePlaying',
  'storyMissing',
];

const STATIC = '/storybook-static';
const ELEMENTS = ['pb-map', 'pb-filters', 'pb-list', 'pb-summary', 'pb-atlas'];

const response = await fetch(`${STATIC}/index.json`);
if (!response.ok) {
  throw new Error(`${STATIC}/index.json: ${response.status}. Run \`npm run build-storybook\`.`);
}
const index = (await response.json()) as { entries: Record<string, IndexEntry> };
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');

/** Loads one story in an iframe; resolves with what went wrong (empty when nothing did). */
async function loadStory(id: string): Promise<{ problems: string[]; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:1024px;height:768px;border:0';
  frame.src = `${STATIC}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`;
  const problems: string[] = [];
  let hooked: Window | null = null;
  // Console errors and uncaught errors of the story's page, from as early as it exists.
  const hook = (): void => {
    const win = frame.contentWindow as (Window & typeof globalThis) | null;
    if (!win || win === hooked || !win.location.href.includes('iframe.html')) return;
    hooked = win;
    const consoleError = win.console.error.bind(win.console);
    win.console.error = (...args: unknown[]) => {
      problems.push(`console.error: ${args.map(String).join(' ')}`);
      consoleError(...args);
    };
    win.addEventListener('error', (event) => problems.push(`uncaught: ${event.message}`));
    win.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) =>
      problems.push(`unhandled rejection: ${String(event.reason)}`),
    );
  };
  // Storybook's own report: a failed render or play check, and the end of the story.
  let channel: PreviewWindow['__STORYBOOK_ADDONS_CHANNEL__'];
  let finished: string | undefined;
  const listen = (win: PreviewWindow | null): void => {
    if (!win?.__STORYBOOK_ADDONS_CHANNEL__ || win.__STORYBOOK_ADDONS_CHANNEL__ === channel) return;
    channel = win.__STORYBOOK_ADDONS_CHANNEL__;
    for (const event of FAILURES) {
      channel.on(event, (payload) => problems.push(`${event}: ${describePayload(payload)}`));
    }
    channel.on('storyFinished', (payload) => {
      finished = (payload as { status?: string }).status ?? 'unknown';
      if (finished !== 'success') problems.push(`storyFinished: ${finished}`);
    });
  };
  document.body.append(frame);
  const start = performance.now();
  for (;;) {
    hook();
    const win = frame.contentWindow as PreviewWindow | null;
    listen(win);
    const body = win?.document?.body;
    if (body?.classList.contains('sb-show-errordisplay')) {
      const message = win!.document.querySelector('#error-message')?.textContent ?? '';
      const stack = win!.document.querySelector('#error-stack')?.textContent ?? '';
      problems.push(`Storybook error display: ${message} ${stack.slice(0, 400)}`.trim());
      break;
    }
    const phase = win?.__STORYBOOK_PREVIEW__?.currentRender?.phase;
    if (finished) break;
    // Finished before the channel was listened to (it is there before any story renders).
    if (!channel && phase === 'finished' && body?.classList.contains('sb-show-main')) break;
    if (performance.now() - start > 80_000) {
      problems.push(`Timed out (phase: ${phase ?? 'none'})`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { problems, frame };
}

function describePayload(payload: unknown): string {
  if (payload && typeof payload === 'object' && 'message' in payload) {
    return String((payload as { message: unknown }).message);
  }
  return JSON.stringify(payload)?.slice(0, 400) ?? String(payload);
}

describe('Storybook (built)', () => {
  it('has stories for every element', () => {
    for (const tag of ELEMENTS) {
      expect(
        stories.some((story) => story.title.endsWith(`/${tag}`)),
        `stories of <${tag}>`,
      ).to.be.true;
    }
  });

  for (const story of stories) {
    it(`renders ${story.title} › ${story.name}`, async function () {
      this.timeout(90_000);
      const { problems, frame } = await loadStory(story.id);
      try {
        const root = frame.contentDocument?.querySelector('#storybook-root');
        const drawn = [...(root?.querySelectorAll(ELEMENTS.join(',')) ?? [])].filter(
          (element) => (element.shadowRoot?.childElementCount ?? 0) > 0,
        );
        expect(problems, 'errors').to.deep.equal([]);
        expect(drawn.length, 'pb-* elements with content').to.be.greaterThan(0);
      } finally {
        frame.remove(); // frees the story's WebGL context
      }
    });
  }
});
