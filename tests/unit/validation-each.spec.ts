import { IsDateString, IsIn, IsString, MaxLength, validate } from 'class-validator';
import { toFieldProblems } from '@sro/http';

class Family {
  @IsDateString({ strict: true }, { each: true })
  birthDates!: unknown[];

  @IsString({ each: true })
  @MaxLength(5, { each: true })
  names!: unknown[];

  @IsIn(['Mutter', 'Vater'], { each: true })
  relations!: unknown[];
}

const problemsOf = async (values: Partial<Family>) => {
  const family = Object.assign(new Family(), { birthDates: [], names: [], relations: [], ...values });
  return toFieldProblems(await validate(family)).map((p) => `${p.pointer} ${p.code}`);
};

describe('validation problems of rules applied to each element of a list', () => {
  it('names the rows that broke the rule, not only the list', async () => {
    expect(await problemsOf({ birthDates: ['2014-02-03', '31.02.2014', '2015-13-01'] })).toEqual([
      '/birthDates/1 format.date',
      '/birthDates/2 format.date',
    ]);
    expect(await problemsOf({ names: ['Anna', 'Maximilian', 7] })).toEqual(
      expect.arrayContaining(['/names/2 type.string', '/names/1 length.max']),
    );
    expect(await problemsOf({ relations: ['Mutter', 'Onkel'] })).toEqual(['/relations/1 enum']);
  });

  it('keeps the problem at the list when the value is no list', async () => {
    expect(await problemsOf({ birthDates: 'gestern' as unknown as unknown[] })).toEqual(['/birthDates format.date']);
  });
});
