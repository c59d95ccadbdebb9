import { describe, expect, it } from 'vitest';
import { guessDelimiter } from '../../src/cli/convert/read.js';
import { matchColumns, parseColumnOptions, sharedPrefix } from '../../src/cli/convert/columns.js';

/** The header each role got. */
function roles(headers: string[], filled = headers.map(() => 1), given = {}) {
  const map = matchColumns(headers, filled, given);
  return Object.fromEntries(Object.entries(map).map(([role, i]) => [role, headers[i as number]]));
}

describe('matchColumns', () => {
  it('finds columns by French names with accents, articles and extra words', () => {
    const headers = [
      'Identifiant du projet lauréat',
      'Lien URL vers le projet soumis au vote',
      'Lien URL vers le projet lauréat',
      'Edition',
      'Titre du projet lauréat',
      'Thématique',
      'Budget global du projet lauréat',
      'Echelle du Budget participatif',
      'Adresse du projet lauréat',
      'Arrondissement du projet lauréat',
      'Projet en Quartier populaire',
      'Avancement du projet',
    ];
    // The first link column is often empty: the fuller one wins.
    const filled = headers.map((h) => (h.includes('soumis') ? 5 : 10));
    expect(roles(headers, filled)).toEqual({
      id: 'Identifiant du projet lauréat',
      name: 'Titre du projet lauréat',
      year: 'Edition',
      budget: 'Budget global du projet lauréat',
      arrondissement: 'Arrondissement du projet lauréat',
      status: 'Avancement du projet',
      category: 'Thématique',
      url: 'Lien URL vers le projet lauréat',
      place: 'Adresse du projet lauréat',
    });
  });

  it('drops a prefix shared by every header, and reads English names', () => {
    expect(sharedPrefix(['b_numero', 'b_libelle', 'b_year', 'b_x', 'b_y'])).toBe('b_');
    expect(roles(['b_numero', 'b_libelle', 'b_year', 'b_q_id', 'b_x', 'b_y'])).toEqual({
      id: 'b_numero',
      name: 'b_libelle',
      year: 'b_year',
      x: 'b_x',
      y: 'b_y',
    });
    expect(roles(['Title', 'Year', 'Amount', 'Latitude', 'Lng', 'Category', 'Photo'])).toEqual({
      name: 'Title',
      year: 'Year',
      budget: 'Amount',
      lat: 'Latitude',
      lon: 'Lng',
      category: 'Category',
      image: 'Photo',
    });
    // "Titre" is the name before "Commune", which is then the place.
    expect(roles(['Commune', 'Titre'])).toEqual({ name: 'Titre', place: 'Commune' });
  });

  it('takes --column first, ignoring case and accents; ROLE= uses no column', () => {
    const headers = ['Projet', 'Annee de vote', 'Quartier'];
    const given = parseColumnOptions(['name=PROJET', 'year=Année de vote', 'place='], headers);
    expect(roles(headers, undefined, given)).toEqual({ name: 'Projet', year: 'Annee de vote' });
    expect(() => parseColumnOptions(['title=Projet'], headers)).toThrow(/ROLE is one of id, name/);
    expect(() => parseColumnOptions(['name=Nom'], headers)).toThrow(
      'no column is called "Nom"; the columns are: "Projet", "Annee de vote", "Quartier"',
    );
  });
});

describe('guessDelimiter', () => {
  it('reads the separator from the header, outside quotes, even for one row', () => {
    expect(guessDelimiter('nom;code insee\nRennes;35238\n')).toBe(';');
    expect(guessDelimiter('nom,lat,lon\nA,48,-1')).toBe(',');
    expect(guessDelimiter('"nom; titre",lat,lon\n')).toBe(',');
    expect(guessDelimiter('nom\tlat\tlon\n')).toBe('\t');
    expect(guessDelimiter('nom\n')).toBe(',');
    expect(guessDelimiter('a;b,c\n')).toBe(';');
  });
});
