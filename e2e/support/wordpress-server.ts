import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { requireDebianProgram } from "../../test/support/debian-programs";
import { freeLoopbackPort } from "./sso-server";
import { stopProcess } from "../../scripts/lib/stop-process";

// A real WordPress on loopback, from Debian's packages: MariaDB with its own data folder, socket
// and port, the `wordpress` package's code served by PHP's built-in server, a wp-config.php of our
// own. Nothing is written to /etc or /usr/share: the site folder holds copies of WordPress's few
// top-level PHP files (so ABSPATH and wp-config.php are ours) and symlinks to wp-admin and
// wp-includes. One site per spec file; stop() ends both servers and removes the folder.

const WORDPRESS = "/usr/share/wordpress";

export interface SeededComments {
  postId: number;
  postTitle: string;
  /** An approved comment (spam), a reply to it, a held one (fine), and one the spec changes on the site. */
  first: number;
  reply: number;
  held: number;
  changed: number;
}

export interface WordpressSite {
  url: string;
  username: string;
  applicationPassword: string;
  seeded: SeededComments;
  /** The site's REST API as the connector's user (Basic auth with the application password). */
  rest: <T>(route: string, init?: { method?: string; body?: unknown }) => Promise<T>;
  stop: () => Promise<void>;
}

/** The lines of PHP docs/connectors.md tells a site to add: the hide reason, and readers' report tallies. */
const REASON_META_PLUGIN = `<?php
add_action('init', function () {
    foreach (['moddesk_reason', 'moddesk_reports'] as $key) {
        register_meta('comment', $key, [
            'type' => 'string',
            'single' => true,
            'show_in_rest' => true,
            'auth_callback' => function () { return current_user_can('moderate_comments'); },
        ]);
    }
});
`;

// wp_install mails the admin; there is no mail server here.
const NO_MAIL_PLUGIN = `<?php
function wp_mail() { return true; }
`;

function waitForPort(port: number, child: ChildProcess, output: () => string, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null || child.signalCode !== null) return reject(new Error(`${what} exited (${child.exitCode ?? child.signalCode}):\n${output()}`));
      if (Date.now() > deadline) return reject(new Error(`${what} did not listen on ${port} within a minute:\n${output()}`));
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve();
      });
      socket.once("error", () => setTimeout(attempt, 100));
    };
    attempt();
  });
}

function run(command: string, args: string[], what: string): string {
  // Bounded: spawnSync blocks the worker's event loop, so the hook's own timeout could never fire.
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 90_000, killSignal: "SIGKILL" });
  if (result.error) throw new Error(`${what} failed: ${result.error.message}\n${result.stdout ?? ""}\n${result.stderr ?? ""}`);
  if (result.status !== 0) throw new Error(`${what} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function started(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): { child: ChildProcess; output: () => string } {
  // Its own process group: php -S with workers forks children that must end with it.
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env, detached: true });
  // Should the test process end without stop(), its servers end too.
  const killOnExit = () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  };
  process.once("exit", killOnExit);
  child.once("exit", () => process.off("exit", killOnExit));
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  return { child, output: () => output };
}

function buildSite(root: string, siteUrl: string, dbPort: number): string {
  const site = path.join(root, "site");
  mkdirSync(path.join(site, "wp-content", "mu-plugins"), { recursive: true });
  mkdirSync(path.join(site, "wp-content", "plugins"), { recursive: true });
  mkdirSync(path.join(site, "wp-content", "uploads"), { recursive: true });
  for (const entry of readdirSync(WORDPRESS)) {
    if (entry.endsWith(".php") && entry !== "wp-config.php") copyFileSync(path.join(WORDPRESS, entry), path.join(site, entry));
  }
  symlinkSync(path.join(WORDPRESS, "wp-admin"), path.join(site, "wp-admin"));
  symlinkSync(path.join(WORDPRESS, "wp-includes"), path.join(site, "wp-includes"));
  symlinkSync(path.join(WORDPRESS, "wp-content", "themes"), path.join(site, "wp-content", "themes"));
  writeFileSync(path.join(site, "wp-content", "mu-plugins", "moddesk-reason.php"), REASON_META_PLUGIN);
  writeFileSync(path.join(site, "wp-content", "mu-plugins", "no-mail.php"), NO_MAIL_PLUGIN);
  const salts = ["AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY", "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT"]
    .map((name) => `define('${name}', '${name.toLowerCase()}-e2e');`)
    .join("\n");
  writeFileSync(
    path.join(site, "wp-config.php"),
    `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', '127.0.0.1:${dbPort}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
// Application Passwords need https, or a site whose environment type is local.
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HOME', '${siteUrl}');
define('WP_SITEURL', '${siteUrl}');
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
${salts}
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`,
  );
  return site;
}

const INSTALL_SCRIPT = `<?php
// Creates the database, installs WordPress, seeds a post and its comments, makes an application password.
[$script, $site, $dbPort, $host, $stamp] = $argv;
$mysql = new mysqli('127.0.0.1', 'root', '', '', (int) $dbPort);
$mysql->query('CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4');
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = $host;
require $site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$installed = wp_install('Moddesk e2e', 'desk', 'desk@example.org', true, '', wp_generate_password(24));
update_option('permalink_structure', '/%postname%/');
$title = "Council budget $stamp";
$post = wp_insert_post(['post_title' => $title, 'post_content' => 'The council met to set the budget.', 'post_status' => 'publish', 'post_author' => $installed['user_id']]);
$at = gmdate('Y-m-d H:i:s', time() - 3600);
$comment = function ($text, $approved, $parent = 0) use ($post, $at) {
    return wp_insert_comment(['comment_post_ID' => $post, 'comment_content' => $text, 'comment_author' => 'Reader', 'comment_approved' => $approved, 'comment_parent' => $parent, 'comment_date' => $at, 'comment_date_gmt' => $at]);
};
$first = $comment("Buy cheap watches at watches dot example $stamp", 1);
$reply = $comment("Reply: nobody wants watches here $stamp", 1, $first);
// Three readers reported the reply as spam on the site (what a "report" button would keep).
add_comment_meta($reply, 'moddesk_reports', '{"spam": 3}', true);
$held = $comment("I was at the meeting, the vote was seven to two $stamp", 0);
$changed = $comment("Potholes on Mill Road are the real story $stamp", 1);
[$password] = WP_Application_Passwords::create_new_application_password($installed['user_id'], ['name' => 'Moddesk']);
echo json_encode(['postId' => $post, 'postTitle' => $title, 'first' => $first, 'reply' => $reply, 'held' => $held, 'changed' => $changed, 'applicationPassword' => $password]);
`;

export async function startWordpress(stamp: string): Promise<WordpressSite> {
  requireDebianProgram([path.join(WORDPRESS, "wp-settings.php")], ["wordpress"]);
  const php = requireDebianProgram(["php"], ["php-cli", "php-mysql"]);
  const mariadbd = requireDebianProgram(["/usr/sbin/mariadbd", "mariadbd"], ["mariadb-server"]);
  const installDb = requireDebianProgram(["/usr/bin/mariadb-install-db", "mariadb-install-db"], ["mariadb-server"]);
  if (spawnSync(php, ["-r", "exit(extension_loaded('mysqli') ? 0 : 1);"], { timeout: 30_000 }).status !== 0) {
    throw new Error("PHP's mysqli extension is missing. Install it with: apt-get install -y php-mysql (or run scripts/install-test-servers.sh).");
  }
  const root = mkdtempSync(path.join(os.tmpdir(), "moddesk-wordpress-"));
  const isRoot = process.getuid?.() === 0;
  const children: ChildProcess[] = [];
  // Both at once, each killed if still up after 5 s: a throwaway site needs no clean shutdown, and
  // one after the other with 10 s each (MariaDB flushing on a loaded machine) neared the hook's 30 s.
  const stop = async () => {
    await Promise.all(children.map((child) => stopProcess(child, { group: true, graceMs: 5_000 })));
    rmSync(root, { recursive: true, force: true });
  };
  try {
    const dataDir = path.join(root, "mysql");
    run(installDb, ["--no-defaults", `--datadir=${dataDir}`, "--auth-root-authentication-method=normal", "--skip-test-db", ...(isRoot ? ["--user=root"] : [])], "mariadb-install-db");
    const dbPort = await freeLoopbackPort();
    const database = started(mariadbd, [
      "--no-defaults", `--datadir=${dataDir}`, `--socket=${path.join(root, "mysql.sock")}`, `--pid-file=${path.join(root, "mysql.pid")}`, `--port=${dbPort}`,
      "--bind-address=127.0.0.1", "--skip-grant-tables", "--skip-log-bin", "--innodb-buffer-pool-size=32M", ...(isRoot ? ["--user=root"] : []),
    ]);
    children.push(database.child);
    await waitForPort(dbPort, database.child, database.output, "mariadbd");

    const webPort = await freeLoopbackPort();
    const url = `http://127.0.0.1:${webPort}`;
    const site = buildSite(root, url, dbPort);
    const installer = path.join(root, "install.php");
    writeFileSync(installer, INSTALL_SCRIPT);
    const seeded = JSON.parse(run(php, [installer, site, String(dbPort), `127.0.0.1:${webPort}`, stamp], "installing WordPress")) as SeededComments & { applicationPassword: string };

    const web = started(php, ["-S", `127.0.0.1:${webPort}`, "-t", site], { ...process.env, PHP_CLI_SERVER_WORKERS: "2" });
    children.push(web.child);
    await waitForPort(webPort, web.child, web.output, "php -S");

    const username = "desk";
    const authorization = `Basic ${Buffer.from(`${username}:${seeded.applicationPassword}`).toString("base64")}`;
    const rest = async <T>(route: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
      const response = await fetch(`${url}/wp-json${route}`, {
        method: init.method ?? "GET",
        headers: { authorization, ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`WordPress ${init.method ?? "GET"} ${route}: HTTP ${response.status} ${text.slice(0, 300)}\n${web.output().slice(-2_000)}`);
      return JSON.parse(text) as T;
    };
    const { applicationPassword, ...comments } = seeded;
    return { url, username, applicationPassword, seeded: comments, rest, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
