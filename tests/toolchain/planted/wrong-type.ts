// Planted error: tsc must reject a string assigned to a number.
export const plantedCount: number = 'three';
