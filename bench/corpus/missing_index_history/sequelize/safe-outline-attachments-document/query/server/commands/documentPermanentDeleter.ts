import { Op } from "sequelize";
import { Attachment, Document } from "@server/models";

// Ids of the files a document uploaded, to delete with it.
export async function uploadedFileIds(document: Document): Promise<string[]> {
  const rows = await Attachment.findAll({
    attributes: ["id"],
    where: {
      teamId: document.teamId,
      documentId: document.id,
    },
  });
  return rows.map((row) => row.id);
}

export const notDeleted = { deletedAt: { [Op.is]: null } };
