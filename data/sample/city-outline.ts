import type { Ring } from './geometry.ts';

/**
 * An approximate outline of the city (commune) of Casablanca, EPSG:4326, drawn by hand for casa-sig from
 * general knowledge of the city (not traced from any dataset): the Atlantic coast on the north-west from
 * beyond Sidi Abderrahmane to Sidi Bernoussi, then the land limits with Mohammedia, Médiouna, Nouaceur and
 * Dar Bouazza. Accuracy is a few hundred metres at best; the Méchouar enclave is not cut out.
 * Closed, counter-clockwise (RFC 7946).
 */
export const CITY_OUTLINE: Ring = [
  [-7.745, 33.5545],
  [-7.735, 33.545],
  [-7.715, 33.53],
  [-7.695, 33.508],
  [-7.685, 33.5],
  [-7.66, 33.496],
  [-7.635, 33.5],
  [-7.61, 33.508],
  [-7.585, 33.515],
  [-7.565, 33.523],
  [-7.545, 33.538],
  [-7.525, 33.553],
  [-7.505, 33.562],
  [-7.48, 33.57],
  [-7.47, 33.58],
  [-7.464, 33.6],
  [-7.46, 33.62],
  [-7.458, 33.64],
  [-7.47, 33.638],
  [-7.49, 33.632],
  [-7.51, 33.625],
  [-7.53, 33.619],
  [-7.55, 33.613],
  [-7.565, 33.609],
  [-7.58, 33.608],
  [-7.59, 33.611],
  [-7.6, 33.614],
  [-7.608, 33.612],
  [-7.615, 33.607],
  [-7.623, 33.6075],
  [-7.633, 33.61],
  [-7.645, 33.61],
  [-7.655, 33.6095],
  [-7.664, 33.603],
  [-7.674, 33.5975],
  [-7.685, 33.5915],
  [-7.696, 33.5845],
  [-7.706, 33.5775],
  [-7.715, 33.572],
  [-7.73, 33.565],
  [-7.745, 33.5545],
];
