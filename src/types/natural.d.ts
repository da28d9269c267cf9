// natural ships types only for its top-level module, which must never be imported
// (it loads .env and prints banners); these are the submodules certfit uses.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
