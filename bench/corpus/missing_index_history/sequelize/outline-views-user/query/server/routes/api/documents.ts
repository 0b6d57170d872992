import { Document, View } from "../../models";

// Documents the caller has viewed; the client picks the sort column and direction.
router.post("documents.viewed", auth(), pagination(), async (ctx) => {
  const { sort = "updatedAt" } = ctx.body;
  const direction = ctx.body.direction === "ASC" ? "ASC" : "DESC";
  const userId = ctx.state.user.id;

  const views = await View.findAll({
    where: {
      userId,
    },
    order: [[sort, direction]],
    include: [{ model: Document, required: true }],
    offset: ctx.state.pagination.offset,
    limit: ctx.state.pagination.limit,
  });
  ctx.body = { data: views };
});
