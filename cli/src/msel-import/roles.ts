import type { Lang } from '@drill/engine';

/** A role the skeleton declares: its id and its name in the languages the spreadsheet gives. */
export interface ImportedRole {
  id: string;
  name: Partial<Record<Lang, string>>;
}

const ID = /^[a-z][a-z0-9_-]*$/;

/** Words that mean every role (`drill msel` writes "All roles" / "全体角色"). */
const ALL = new Set([
  'all',
  'all roles',
  'everyone',
  'all players',
  'all participants',
  '全体角色',
  '全体',
  '所有角色',
  '全体人员',
]);

/** A name as compared: Unicode-normalised, lower case, single spaces. */
export function nameKey(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The names in an audience cell: "Commander, Meteorology" / "指挥长、气象局" / one per line. */
export function splitNames(cell: string): string[] {
  return cell
    .split(/[,，、;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Maps role names to role ids. Names listed on a "Roles" sheet keep that sheet's ids (that is how a
 * spreadsheet written by `drill msel --format xlsx` comes back with the same ids); any other name gets
 * an id made from its English words, or `role_1`, `role_2`… when it has none (Chinese names).
 */
export class RoleBook {
  readonly roles: ImportedRole[] = [];
  private readonly byName = new Map<string, ImportedRole>();
  private readonly byId = new Map<string, ImportedRole>();

  constructor(private readonly lang: Lang) {}

  /** A role from the Roles sheet; false when its id is already taken. */
  addListed(id: string, names: Partial<Record<Lang, string>>): boolean {
    if (this.byId.has(id)) return false;
    const r: ImportedRole = { id, name: names };
    this.roles.push(r);
    this.byId.set(id, r);
    for (const n of Object.values(names)) if (n) this.byName.set(nameKey(n), r);
    this.byName.set(id, r);
    return true;
  }

  /** The role ids for the names in an audience cell; `['all']` for "All roles". */
  resolve(cell: string): string[] {
    if (ALL.has(nameKey(cell))) return ['all'];
    const ids: string[] = [];
    for (const name of splitNames(cell)) {
      if (ALL.has(nameKey(name))) return ['all'];
      const r = this.byName.get(nameKey(name)) ?? this.add(name);
      if (!ids.includes(r.id)) ids.push(r.id);
    }
    return ids;
  }

  private add(name: string): ImportedRole {
    // "County HQ commander (executive deputy county head)" → county_hq_commander: a short id, whole words.
    const words = nameKey(name)
      .replace(/\([^)]*\)|（[^）]*）/g, ' ')
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    let slug = '';
    for (const w of words)
      if (!slug || slug.length + w.length < 32) slug = slug ? `${slug}_${w}` : w;
      else break;
    let id = ID.test(slug) ? slug : /^[0-9]/.test(slug) ? `role_${slug}` : '';
    if (!id || this.byId.has(id)) {
      let n = this.roles.length + 1;
      const base = id || 'role';
      while (this.byId.has(`${base}_${n}`)) n++;
      id = `${base}_${n}`;
    }
    const r: ImportedRole = { id, name: { [this.lang]: name } };
    this.roles.push(r);
    this.byId.set(id, r);
    this.byName.set(nameKey(name), r);
    return r;
  }
}
