// Planted error: ESLint (with Prettier) must reject code that is not formatted.
export const plantedList = [1,2,3];
