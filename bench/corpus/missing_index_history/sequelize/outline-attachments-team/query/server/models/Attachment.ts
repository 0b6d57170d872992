import { QueryTypes } from "sequelize";
import Model from "./base/Model";

class Attachment extends Model {
  /** Bytes stored by one team, for its storage quota. */
  static async bytesUsedBy(teamId: string): Promise<number> {
    const rows = await this.sequelize!.query<{ total: string }>(
      `
      SELECT SUM(size) as total
      FROM attachments
      WHERE "teamId" = :teamId
    `,
      { replacements: { teamId }, type: QueryTypes.SELECT }
    );
    return Number(rows[0]?.total ?? 0);
  }
}

export default Attachment;
