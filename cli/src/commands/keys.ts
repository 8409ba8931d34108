import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { parsePublicKey, publicKeyOf } from '@drill/engine';
import { drillHome } from '../history.ts';
import { fsReason, userPath, UserError, writeFileAtomic } from '../io.ts';
import { say } from '../say.ts';

/**
 * The signing key of this machine (the trainer's laptop, the room server): `$DRILL_HOME/keys/`
 * `signing.key` (secret, hex, mode 0600) and `signing.pub` (public, hex). When it exists, every
 * finished drill's result is signed with it; `drill verify --key <signing.pub>` checks that.
 */
export function keyPaths(): { dir: string; secret: string; public: string } {
  const dir = join(drillHome(), 'keys');
  return { dir, secret: join(dir, 'signing.key'), public: join(dir, 'signing.pub') };
}

/** The secret signing key, when one was made with `drill keys init`; undefined otherwise. */
export function loadSigningKey(): Uint8Array | undefined {
  const p = keyPaths();
  if (!existsSync(p.secret)) return undefined;
  let text: string;
  try {
    text = readFileSync(p.secret, 'utf8').trim();
  } catch (e) {
    throw new UserError(
      say(
        `cannot read the signing key ${p.secret}: ${fsReason(e)}`,
        `无法读取签名密钥 ${p.secret}：${fsReason(e)}`,
      ),
    );
  }
  if (!/^[0-9a-f]{64}$/.test(text))
    throw new UserError(
      say(
        `${p.secret} is not a drill signing key (64 hex digits): move it away and run \`drill keys init\``,
        `${p.secret} 不是 drill 的签名密钥（64 位十六进制数）：请把它移走，再运行 \`drill keys init\``,
      ),
    );
  if (process.platform !== 'win32' && (statSync(p.secret).mode & 0o077) !== 0)
    throw new UserError(
      say(
        `${p.secret} can be read by other users: make it private with \`chmod 600 ${p.secret}\` (or make a new key)`,
        `${p.secret} 其他用户也能读取：请用 \`chmod 600 ${p.secret}\` 设为私有（或生成新密钥）`,
      ),
    );
  return Uint8Array.from(Buffer.from(text, 'hex'));
}

/** `--key`: a public key in hex, or a file holding one (such as signing.pub). */
export function readTrustedKey(arg: string): string {
  const direct = parsePublicKey(arg);
  if (direct) return direct;
  let text: string;
  try {
    text = readFileSync(userPath(arg), 'utf8');
  } catch (e) {
    throw new UserError(
      say(
        `--key takes a public key (64 hex digits) or a file holding one; cannot read ${arg}: ${fsReason(e)}`,
        `--key 需要公钥（64 位十六进制数）或存有公钥的文件；无法读取 ${arg}：${fsReason(e)}`,
      ),
    );
  }
  const k = parsePublicKey(text);
  if (!k)
    throw new UserError(
      say(`${arg} does not hold a public key (64 hex digits)`, `${arg} 中没有公钥（64 位十六进制数）`),
    );
  return k;
}

export function register(program: Command): void {
  const keys = program
    .command('keys')
    .description('the signing key that proves who ran a drill (kept under DRILL_HOME/keys)');
  keys
    .command('init')
    .description('make a signing key: every finished drill on this machine is then signed with it')
    .option('--force', 'replace an existing key (transcripts signed with the old key then need the old .pub)')
    .action((o: { force?: boolean }) => {
      const p = keyPaths();
      if (existsSync(p.secret) && !o.force)
        throw new UserError(
          say(
            `a signing key already exists at ${p.secret} (public key in ${p.public}); use --force to replace it`,
            `${p.secret} 已有签名密钥（公钥在 ${p.public}）；如要替换请加 --force`,
          ),
        );
      try {
        mkdirSync(p.dir, { recursive: true, mode: 0o700 });
      } catch (e) {
        throw new UserError(
          say(`cannot create ${p.dir}: ${fsReason(e)}`, `无法创建 ${p.dir}：${fsReason(e)}`),
        );
      }
      const secret = randomBytes(32);
      writeFileAtomic(p.secret, `${secret.toString('hex')}\n`, 0o600); // private from its first byte
      chmodSync(p.secret, 0o600); // --force over an older file: its mode too
      const pub = publicKeyOf(Uint8Array.from(secret));
      writeFileAtomic(p.public, `${pub}\n`);
      process.stdout.write(
        say(
          `signing key made: ${p.secret} (private, mode 0600 — never share or copy it)\n` +
            `public key: ${pub}\n` +
            `  (also in ${p.public}: give it to whoever checks your transcripts)\n` +
            `From now on every drill finished here is signed. Check one with:\n` +
            `  drill verify TRANSCRIPT --key ${p.public}\n`,
          `签名密钥已生成：${p.secret}（私有，权限 0600——切勿分享或复制）\n` +
            `公钥：${pub}\n` +
            `  （也保存在 ${p.public}：交给核对你的演练记录的人）\n` +
            `此后本机完成的每次推演都会签名。核对方法：\n` +
            `  drill verify 演练记录 --key ${p.public}\n`,
        ),
      );
    });
  keys
    .command('show')
    .description('print the public key that verify --key checks')
    .action(() => {
      const p = keyPaths();
      const secret = loadSigningKey();
      if (!secret)
        throw new UserError(
          say(
            `no signing key yet (${p.secret}): make one with \`drill keys init\``,
            `还没有签名密钥（${p.secret}）：请用 \`drill keys init\` 生成`,
          ),
          1,
        );
      process.stdout.write(`${publicKeyOf(secret)}\n`);
    });
}
