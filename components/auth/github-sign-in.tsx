import { signIn } from "@/auth";
import { Button } from "@/components/ui/button";

export function GitHubSignIn({ redirectTo }: { redirectTo: string }) {
  return (
    <form
      action={async () => {
        "use server";
        await signIn("github", { redirectTo });
      }}
      className="mt-4 border-t border-slate-200 pt-4"
    >
      <Button type="submit" variant="secondary" className="w-full">
        Continue with GitHub
      </Button>
    </form>
  );
}
