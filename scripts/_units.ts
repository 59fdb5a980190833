import { implementationOf, unitsOf } from '../tests/helpers/lens-units.ts';
for (const f of process.argv.slice(2)) {
  const { lenses, markdown } = implementationOf(f);
  console.log(`##### ${f.split('/').pop()} [${lenses.join(',')}]`);
  unitsOf(markdown).forEach((u, i) => console.log(`${i} ${u.slice(0, 150)}`));
}
