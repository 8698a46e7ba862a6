import { minimiseLbfgs } from './lbfgs';

describe('minimiseLbfgs', () => {
  const options = { maxIterations: 200, tolerance: 1e-12, memory: 5 };

  it('finds the minimum of an ill-conditioned quadratic', () => {
    const scales = [1, 10, 100];
    const target = [3, -2, 0.5];
    const objective = (x: Float64Array, gradient: Float64Array) => {
      let value = 0;
      x.forEach((xi, i) => {
        value += (scales[i] * (xi - target[i]) ** 2) / 2;
        gradient[i] = scales[i] * (xi - target[i]);
      });
      return value;
    };

    const x = minimiseLbfgs(objective, new Float64Array(3), options);

    x.forEach((xi, i) => expect(xi).toBeCloseTo(target[i], 5));
  });

  it('minimises the Rosenbrock function', () => {
    const objective = (x: Float64Array, gradient: Float64Array) => {
      const [a, b] = x;
      gradient[0] = -2 * (1 - a) - 400 * a * (b - a * a);
      gradient[1] = 200 * (b - a * a);
      return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    };

    const x = minimiseLbfgs(objective, Float64Array.from([-1.2, 1]), options);

    expect(x[0]).toBeCloseTo(1, 3);
    expect(x[1]).toBeCloseTo(1, 3);
  });
});
