import type { EditionModel } from '../model.js';
import { entryOf } from '../compose/document-entry.js';

/** The edition's model as `output/model.json` holds it: each document listed, not its analysis. */
export function editionModelOf(model: EditionModel): EditionModel {
  return { ...model, documents: model.documents.map(entryOf) };
}
