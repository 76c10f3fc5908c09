import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

/**
 * Keeps the German sweep done: every text a user reads from a domain error, an update refusal or a
 * field problem is German, and every field problem carries a stable code. The texts are found in the
 * syntax tree (not by grep): the message arguments of `new DomainError(...)`, `DomainError.invalid /
 * conflict / notFound(...)`, `reject(kind, message)` in workflows, the message of `Problems.add` /
 * the spec checker's `add`, and the `message` of every object literal with a `pointer`.
 */
const root = join(__dirname, '..', '..');

/** The swept areas. */
const SWEPT = [
  'libs/agreements/src',
  'libs/audit/src',
  'libs/auth/src',
  'libs/cases/src',
  'libs/common/src',
  'libs/definitions/src',
  'libs/gremien/src',
  'libs/http/src',
  'libs/interviews/src',
  'libs/jugendhilfedienst/src',
  'libs/processes/src',
  'libs/queue/src',
  'libs/reference-data/src',
  'libs/reminders/src',
  'libs/sozialraum/src',
  'libs/temporal/src',
  'libs/temporal-worker/src',
  'libs/tracing/src',
  'apps/api/src',
  'workflows',
];
const NOT_YET = [/^libs\/common\/src\/aes-gcm\.ts$/];

/** English words that do not occur in German sentences. */
const ENGLISH =
  /\b(must|should|is|are|was|were|not|found|already|cannot|unknown|required|invalid|the|only|named|twice|please|before|after|has|have|no|of|exists?|expected|missing|allowed|duplicate|between|within)\b/i;

/** Identifiers a German message may quote: in „…“, in `…`, JSON-ish "…", paths and camelCase names. */
function prose(text: string): string {
  return text
    .replace(/„[^“]*“/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/(GET|PUT|POST|PATCH|DELETE) \/\S+/g, ' ')
    .replace(/\b[a-z]+[A-Z]\w*\b/g, ' ')
    .replace(/\b\w+_\w+\b/g, ' ');
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'histories' || name === 'node_modules' ? [] : files(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The literal text of a string or template (placeholders dropped); undefined for anything else. */
function literal(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' … ');
  if (ts.isConditionalExpression(node)) return [literal(node.whenTrue), literal(node.whenFalse)].filter((t) => t !== undefined).join(' | ');
  if (ts.isParenthesizedExpression(node)) return literal(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return [literal(node.left), literal(node.right)].filter((t) => t !== undefined).join('');
  return undefined;
}

interface Finding {
  file: string;
  line: number;
  kind: 'english' | 'no-code';
  text: string;
}

function scan(file: string): Finding[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const rel = relative(root, file);
  const findings: Finding[] = [];
  const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const check = (node: ts.Node | undefined) => {
    const text = literal(node);
    if (text !== undefined && ENGLISH.test(prose(text))) findings.push({ file: rel, line: at(node!), kind: 'english', text });
  };
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && /Error$/.test(node.expression.text)) {
      if (node.expression.text === 'DomainError') node.arguments?.slice(1, 2).forEach(check);
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'DomainError')
        check(node.arguments[0]);
      if (ts.isIdentifier(callee) && callee.text === 'reject') check(node.arguments[1]);
      // Problems.add(pointer, code, message) and the spec checker's add(...): the code is a literal.
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'add' && literal(node.arguments[2]) !== undefined) {
        const code = node.arguments[1];
        if (!ts.isStringLiteral(code)) findings.push({ file: rel, line: at(node), kind: 'no-code', text: code.getText(source) });
        check(node.arguments[2]);
      }
    }
    if (ts.isObjectLiteralExpression(node)) {
      const names = new Map(
        node.properties.flatMap((p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? [[p.name.text, p]] : [])),
      );
      const message = names.get('message');
      if (names.has('pointer') && message) {
        const spread = node.properties.some((p) => ts.isSpreadAssignment(p));
        if (!names.has('code') && !spread)
          findings.push({ file: rel, line: at(node), kind: 'no-code', text: node.getText(source).slice(0, 120) });
        if (ts.isPropertyAssignment(message)) check(message.initializer);
      }
      // { code, message } halves spread into a problem (`...(cond ? { code, message } : …)`).
      if (!names.has('pointer') && names.has('code') && message && ts.isPropertyAssignment(message)) check(message.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

describe('user-facing messages are German', () => {
  const sources = SWEPT.flatMap((dir) => files(join(root, dir))).filter((f) => !NOT_YET.some((re) => re.test(relative(root, f))));

  it('walks the swept sources', () => {
    expect(sources.length).toBeGreaterThan(100);
  });

  it('finds English in a message and a field problem without a code (negative control)', () => {
    const probe = join(root, 'tests', 'unit', 'fixtures', 'english-messages.fixture.ts');
    const found = scan(probe).map((f) => `${f.kind}:${f.line}`);
    expect(found).toEqual(['english:4', 'english:5', 'no-code:6', 'english:6', 'english:7', 'no-code:8']);
  });

  it('no domain error, refusal or field problem in the swept code speaks English, and every field problem has a code', () => {
    const findings = sources.flatMap(scan);
    expect(findings.map((f) => `${f.file}:${f.line} ${f.kind} ${f.text}`)).toEqual([]);
  });
});
