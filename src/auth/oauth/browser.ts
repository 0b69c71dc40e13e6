import { spawn } from 'node:child_process';

/**
 * Opens a URL in the user's browser when the machine has one; any failure is ignored, since the
 * URL is also printed for the user to open by hand.
 */
export function openBrowser(url: string): void {
  const { platform, env } = process;
  // A Linux machine without a display (a server, a container) has no browser to open.
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return;
  const [command, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No opener installed: the printed URL is enough.
  }
}
