import { test as setup } from "@playwright/test";
import { register } from "./support";

// Signs one member in and saves the session for specs that only need "some signed-in user".
setup("sign in a member", async ({ page }) => {
  await register(page);
  await page.context().storageState({ path: "e2e/.auth/member.json" });
});
