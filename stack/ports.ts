// Port checks that say which port is taken and, where Linux lets us see it, by what.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import net from 'node:net';
import { StackError } from './errors.ts';

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The process listening on a TCP port, read from /proc (Linux only; best effort). */
export function processOnPort(port: number): { pid: number; command: string } | undefined {
  try {
    const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
    const inodes = new Set<string>();
    for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
      let text = '';
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      for (const line of text.split('\n').slice(1)) {
        const cols = line.trim().split(/\s+/);
        // cols[1] local address "HEX_IP:HEX_PORT", cols[3] state ("0A" = LISTEN), cols[9] inode
        if (cols.length > 9 && cols[1]!.endsWith(`:${hexPort}`) && cols[3] === '0A') inodes.add(cols[9]!);
      }
    }
    if (inodes.size === 0) return undefined;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let fds: string[];
      try {
        fds = readdirSync(`/proc/${entry}/fd`);
      } catch {
        continue;
      }
      for (const fd of fds) {
        let target = '';
        try {
          target = readlinkSync(`/proc/${entry}/fd/${fd}`);
        } catch {
          continue;
        }
        const match = /^socket:\[(\d+)\]$/.exec(target);
        if (match && inodes.has(match[1]!)) {
          const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
          return { pid: Number(entry), command };
        }
      }
    }
  } catch {
    // /proc unreadable: the caller still reports the port.
  }
  return undefined;
}

export async function assertPortFree(port: number, what: string): Promise<void> {
  if (await isPortFree(port)) return;
  const owner = processOnPort(port);
  const by = owner ? ` by pid ${owner.pid} (${owner.command.slice(0, 120)})` : '';
  throw new StackError(`Port ${port} (${what}) is already in use${by}. Stop that process or free the port.`);
}
