import { Transaction } from "sequelize";
import { User, UserAuthentication } from "@server/models";

// The existing sign-in record for this provider account within the team, if any.
export async function existingSignIn(providerId: string, teamId: string, transaction?: Transaction) {
  return UserAuthentication.findOne({
    where: {
      providerId: "" + providerId,
    },
    include: [
      {
        model: User,
        as: "user",
        where: { teamId },
        required: true,
      },
    ],
    transaction,
  });
}
