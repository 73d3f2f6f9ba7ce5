import { z } from "zod";
import { addUser } from "@/server/users/add-user";
import { changeRole, removeUser } from "@/server/users/change-team";
import { listUsers } from "@/server/users/list-users";
import { ZNewUserSchema, ZRoleSchema, ZUserSchema } from "@/server/users/schemas";
import { adminProcedure, createTRPCRouter, protectedProcedure } from "@/server/api/trpc";

const ZUserIdSchema = z.object({ userId: z.uuid({ error: "userId must be a user id." }) });

export const usersRouter = createTRPCRouter({
  me: protectedProcedure.output(ZUserSchema.omit({ createdAt: true })).query(({ ctx }) => ctx.user),
  list: adminProcedure.output(z.array(ZUserSchema)).query(({ ctx }) => listUsers(ctx.db)),
  add: adminProcedure
    .input(ZNewUserSchema)
    .output(ZUserSchema)
    .mutation(({ ctx, input }) => addUser(ctx.db, input)),
  changeRole: adminProcedure
    .input(ZUserIdSchema.extend({ role: ZRoleSchema }))
    .output(ZUserSchema)
    .mutation(({ ctx, input }) => changeRole(ctx.db, ctx.user, input.userId, input.role)),
  remove: adminProcedure
    .input(ZUserIdSchema)
    .output(z.object({ removed: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await removeUser(ctx.db, ctx.user, input.userId);
      return { removed: true as const };
    }),
});
