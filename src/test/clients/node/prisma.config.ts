// Prisma 7's CLI configuration: where the schema is. The connection URL is the one poolcalc
// renders (DATABASE_URL); only CLI commands that reach the database need it, and `generate`
// does not, so it may be unset here.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  datasource: {
    url: process.env.DATABASE_URL ?? "",
  },
});
