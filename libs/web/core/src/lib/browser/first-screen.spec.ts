import { firstScreenSettled, releaseFirstScreenPaint, takeFirstScreenHandoff } from './first-screen';

type Handoff = { miFirstScreen?: unknown };

describe('the first-screen hand-over', () => {
  afterEach(() => {
    delete (window as Handoff).miFirstScreen;
    delete document.documentElement.dataset['consoleShown'];
    document.getElementById('mi-first-screen')?.remove();
    jest.useRealTimers();
  });

  it('hands the early requests over once', () => {
    const list = { body: Promise.resolve(null), query: { limit: 25, offset: 0 } };
    (window as Handoff).miFirstScreen = { list };
    expect(takeFirstScreenHandoff().list).toBe(list);
    expect(takeFirstScreenHandoff()).toEqual({});
  });

  it('removes the picture and tells the script not to paint one later', () => {
    const picture = document.createElement('div');
    picture.id = 'mi-first-screen';
    document.body.append(picture);
    releaseFirstScreenPaint();
    expect(document.getElementById('mi-first-screen')).toBeNull();
    expect(document.documentElement.dataset['consoleShown']).toBe('');
  });

  it('lets the console start when the picture is up, or after the longest wait, or at once without the script', async () => {
    let paint!: () => void;
    (window as Handoff).miFirstScreen = { settled: new Promise<void>((resolve) => (paint = resolve)) };
    const started = jest.fn();
    const waiting = firstScreenSettled(60_000).then(started);
    await Promise.resolve();
    expect(started).not.toHaveBeenCalled();
    paint();
    await waiting;
    expect(started).toHaveBeenCalled();

    jest.useFakeTimers();
    (window as Handoff).miFirstScreen = { settled: new Promise<void>(() => undefined) };
    const capped = firstScreenSettled(1_000);
    jest.advanceTimersByTime(1_000);
    await expect(capped).resolves.toBeUndefined();

    delete (window as Handoff).miFirstScreen;
    await expect(firstScreenSettled(1_000)).resolves.toBeUndefined();
  });
});
