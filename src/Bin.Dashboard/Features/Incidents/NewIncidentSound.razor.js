// A short two-note tone made with WebAudio, so no sound file is shipped or fetched. Browsers keep audio suspended
// until the user has interacted with the page: the context starts on the first click or key press (or the toggle).
let context = null;

function audio() {
  if (!context) {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return null;
    context = new Context();
  }
  if (context.state === 'suspended') context.resume();
  return context;
}

export function prepare() {
  const unlock = () => audio();
  document.addEventListener('pointerdown', unlock, { once: true, capture: true });
  document.addEventListener('keydown', unlock, { once: true, capture: true });
}

export function chime() {
  const ctx = audio();
  if (!ctx) return;
  const start = ctx.currentTime;
  for (const [frequency, offset] of [[880, 0], [1318.5, 0.16]]) {
    const tone = ctx.createOscillator();
    const gain = ctx.createGain();
    tone.type = 'sine';
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.3);
    tone.connect(gain).connect(ctx.destination);
    tone.start(start + offset);
    tone.stop(start + offset + 0.32);
  }
}
