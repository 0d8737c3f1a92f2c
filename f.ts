const x = `hello  world ${y} z`;
const q = 'a';
