// The messages the settings-problems box must show for the first 30 hostile hashes of
// hashFuzzCases.ts (seed HASH_FUZZ_SEED), written out: the e2e test (e2e/hash-fuzz.spec.ts) and
// the unit fuzz test compare parseHash's answers and the page's text with these, never with
// parseHash's output while the test runs. Taken once from the parser at the commit that wrote
// them and read case by case against each label (which piece was bad, which default applies);
// since then they are the reference: a change to a message's wording is a change here too.
// Escapes keep invisible characters visible (\u200b, \ufffd).

/** Messages per case, in the order parseHash lists them; [] for a case with no problem. */
export const HASH_FUZZ_MESSAGES: readonly (readonly string[])[] = [
  // 0: empty; bare dropout; 10 kB pair replay; valid batch
  [
    'dropout= is empty; using the default 0',
    'replay=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\u2026 is not 0 or 1; using the default 0',
  ],
  // 1: bare dropout; empty; 10 kB pair earlyStop; valid classes; empty; blank classes
  [
    'classes is given 2 times; the last one wins (classes=\ufffd)',
    'classes=\ufffd needs 2 to 10 classes separated by commas; using the default pullover,coat',
    'dropout= is empty; using the default 0',
    'earlyStop=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\u2026 is not one of off, loss, accuracy; using the default off',
  ],
  // 2: unknown key epoch; lone =; unknown key %3Cimg%20src
  [
    'epoch is not a known setting (did you mean epochs?); ignored',
    '= is not a known setting (did you mean lr?); ignored',
    '<img src=x onerror=alert(1)>=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\u2026 is not a known setting; ignored',
  ],
  // 3: empty; bare focal; valid smoothing
  ['focal= is empty; using the default 0'],
  // 4: 10 kB pair optimizer; unknown key %3Cimg%20src; valid lr; unknown key Train; valid lr; val
  [
    '<img src=x onerror=alert(1)> is not a known setting; ignored',
    'Train is not a known setting (did you mean train?); ignored',
    'lr is given 3 times; the last one wins (lr=1.1104208994762816)',
    'optimizer=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\u2026 is not one of adam, sgd, momentum; using the default adam',
  ],
  // 5: comma pair focal; negative decimal earlyStop
  [
    'earlyStop=-0.146 is not one of off, loss, accuracy; using the default off',
    'focal=\ufffd,unicorn is not a number; using the default 0',
  ],
  // 6: unknown key xxxxxxxxxxxx; lone =; valid smoothing
  [
    'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\u2026=Infinity is not a known setting; ignored',
    '= is not a known setting (did you mean lr?); ignored',
  ],
  // 7: valid l2
  ['#l2=0.04765142314136028 is not a known setting (did you mean lr?); ignored'],
  // 8: valid smoothing; bare focal; bare dropout; valid earlyStop; 10 kB classes
  [
    'classes=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\u2026 needs 2 to 10 classes separated by commas; using the default pullover,coat',
    'dropout= is empty; using the default 0',
    'focal= is empty; using the default 0',
  ],
  // 9: comma pair backend; empty
  ['backend=\ufffd,unicorn is not one of auto, webgpu, webgl, wasm, cpu; using the default auto'],
  // 10: unicode hide; valid replay; valid lr; valid hide
  ['hide is given 2 times; the last one wins (hide=)'],
  // 11: valid backend; unicode patience; comma pair patience
  [
    'patience is given 2 times; the last one wins (patience=<img src=x onerror="document.body.datase\u2026)',
    'patience=<img src=x onerror="document.body.datase\u2026 is not a number; using the default 5',
  ],
  // 12: hex backend; valid seed; valid earlyStop; json focal; unknown key %3Cimg%20src; empty
  [
    '<img src=x onerror=alert(1)>=<img src=x onerror="document.body.datase\u2026 is not a known setting; ignored',
    'focal=[1,2] is not a number; using the default 0',
    'backend=0b11 is not one of auto, webgpu, webgl, wasm, cpu; using the default auto',
  ],
  // 13: valid l2; json classes
  [
    'classes=[1,2] names an unknown class ("[1" and "2]"; known: tshirt, trouser, pullover, dress, coat, sandal, shirt, sneaker, bag, boot); using the default pullover,coat',
  ],
  // 14: negative backend; valid autostart
  ['backend=-94446 is not one of auto, webgpu, webgl, wasm, cpu; using the default auto'],
  // 15: bare l2; empty
  ['l2= is empty; using the default 0'],
  // 16: lone =
  ['= is not a known setting (did you mean lr?); ignored'],
  // 17: empty batch; unknown key %3Cimg%20src; valid classes
  [
    '<img src=x onerror=alert(1)>=a\u200bb is not a known setting; ignored',
    'batch= is empty; using the default 64',
  ],
  // 18: negative decimal optimizer; empty
  ['optimizer=-0.911 is not one of adam, sgd, momentum; using the default adam'],
  // 19: unknown key %; lone =
  [
    'The parameter name % is not valid URL encoding; ignored',
    '= is not a known setting (did you mean lr?); ignored',
  ],
  // 20: bare mixup
  ['mixup= is empty; using the default 0'],
  // 21: markup split; NaN tour; bare lr; negative patience
  [
    'split=<img src=x onerror="document.body.datase\u2026 is not a number; using the default 20',
    'lr= is empty; using the default 0.001',
    'patience=-62311448 is below the minimum 1; using the default 5',
    'tour=nan is not 0 or 1; using the default 0',
  ],
  // 22: bare smoothing; bare lr
  ['lr= is empty; using the default 0.001', 'smoothing= is empty; using the default 0'],
  // 23: valid earlyStop; lone =; valid earlyStop
  [
    '= is not a known setting (did you mean lr?); ignored',
    'earlyStop is given 2 times; the last one wins (earlyStop=OFF)',
  ],
  // 24: empty
  [],
  // 25: bare optimizer; valid model; unknown key \U0001f600; hex split; unknown key __proto__
  [
    '\ud83d\ude00 is not a known setting (did you mean lr?); ignored',
    '__proto__=-509 is not a known setting; ignored',
    'split=0b11 is not a number; using the default 20',
    'optimizer= is not one of adam, sgd, momentum; using the default adam',
  ],
  // 26: valid split
  [],
  // 27: valid focal; valid focal
  ['focal is given 2 times; the last one wins (focal=3.7802260648459196)'],
  // 28: bare model; empty; unknown key constructor; markup split; empty
  [
    'constructor=\u0661\u0662 is not a known setting; ignored',
    'split=javascript:document.body.dataset.injecte\u2026 is not a number; using the default 20',
    'model= is not one of wide, small; using the default wide',
  ],
  // 29: bare seed; bare dropout; bare earlyStop; 10 kB projector; unknown key xxxxxxxxxxxx; markup
  [
    'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\u2026={"a":1} is not a known setting; ignored',
    'seed is given 2 times; the last one wins (seed=javascript:document.body.dataset.injecte\u2026)',
    'seed=javascript:document.body.dataset.injecte\u2026 is not a number; using the default 1',
    'dropout= is empty; using the default 0',
    'earlyStop is given 2 times; the last one wins (earlyStop=loss)',
    'projector=\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\u2026 is not 0 or 1; using the default 0',
  ],
];
