/** Objective: writes the gradient at x into gradient and returns the value. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  maxIterations: number;
  /** Stop when an iteration lowers the objective by less than this fraction. */
  tolerance: number;
  /** Correction pairs kept. */
  memory: number;
}

/** Limited-memory BFGS with Armijo backtracking: deterministic, converges where SGD only approaches. */
export function minimiseLbfgs(objective: Objective, start: Float64Array, options: LbfgsOptions): Float64Array {
  const n = start.length;
  const x = Float64Array.from(start);
  const gradient = new Float64Array(n);
  let value = objective(x, gradient);
  const steps: Float64Array[] = [];
  const changes: Float64Array[] = [];
  const rho: number[] = [];
  const direction = new Float64Array(n);
  const nextX = new Float64Array(n);
  const nextGradient = new Float64Array(n);
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    // Two-loop recursion: direction = H · gradient.
    direction.set(gradient);
    const alpha: number[] = [];
    for (let j = steps.length - 1; j >= 0; j--) {
      alpha[j] = rho[j] * dot(steps[j], direction);
      axpy(-alpha[j], changes[j], direction);
    }
    const last = steps.length - 1;
    const scale =
      last >= 0
        ? dot(steps[last], changes[last]) / dot(changes[last], changes[last])
        : 1 / Math.sqrt(dot(gradient, gradient) || 1);
    for (let i = 0; i < n; i++) direction[i] *= scale;
    for (let j = 0; j < steps.length; j++) axpy(alpha[j] - rho[j] * dot(changes[j], direction), steps[j], direction);

    const slope = dot(gradient, direction);
    if (!(slope > 0)) break;
    let step = 1;
    let nextValue = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) nextX[i] = x[i] - step * direction[i];
      nextValue = objective(nextX, nextGradient);
      if (nextValue <= value - 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(nextValue < value)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = nextX[i] - x[i];
      y[i] = nextGradient[i] - gradient[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      steps.push(s);
      changes.push(y);
      rho.push(1 / sy);
      if (steps.length > options.memory) {
        steps.shift();
        changes.shift();
        rho.shift();
      }
    }
    const improvement = (value - nextValue) / Math.max(1, Math.abs(value));
    x.set(nextX);
    gradient.set(nextGradient);
    value = nextValue;
    if (improvement < options.tolerance) break;
  }
  return x;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i] += a * x[i];
}
