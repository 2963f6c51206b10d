import { sampleWeighted, weightedTable, type Rng } from './prng.ts';

/*
 * Towns of a made-up state with North Carolina-like ZIPs (27xxx-28xxx). Weights fall off like real
 * town sizes (a few cities hold most voters), so a city agreeing says little and a rare town a lot.
 * Names are invented from common US place-name parts; none is meant as a real place.
 */
export interface Town {
  city: string;
  zips: string[];
}

const TOWN_TEXT = `
  Riverton:12; Ashford:9; Millbrook:8; Cedar Falls:7; Greenville Park:6;
  Oakhurst:6; Fairmont:5; Lakeside:5; Brookhaven:4; Pine Ridge:4;
  Westfield:3.5; Maple Grove:3.5; Stonebridge:3; Hillsdale:3; Clearwater:2.5;
  Elm Springs:2.5; Harrisburg:2; Kingsport:2; Newbury:2; Salem Creek:1.8;
  Bayview:1.6; Red Oak:1.5; Walnut Cove:1.4; Fox Hollow:1.3; Bear Creek:1.2;
  Sandy Ridge:1.1; Mount Olive:1; Spring Lake:1; Holly Hill:0.9; Indian Trail:0.9;
  Marshville:0.8; Pleasant Garden:0.8; Rocky Mount:0.7; Boiling Springs:0.7;
  Laurel Park:0.6; Whiteville:0.6; Elkin:0.5; Siler:0.5; Ayden:0.5; Dobson:0.4;
  Pilot Knob:0.4; Hamlet:0.4; Aulander:0.3; Bethel:0.3; Gatesville:0.3; Kenly:0.3;
  Lillington:0.2; Norwood:0.2; Pinetops:0.2; Scotland Neck:0.2; Vanceboro:0.2;
  Wadesboro:0.2; Yadkinville:0.15; Zebulon:0.15; Kelford:0.1; Ramseur:0.1
`;

/*
 * Big towns get more ZIPs, about six per unit of weight: some 700 in all, as a state has, so that
 * a ZIP holds a handful of the records of a 5,000-record file. Numbered upwards from 27006 in steps
 * of two, which keeps every ZIP distinct and a one-digit slip usually another town's ZIP.
 */
function assignZips(entries: Array<{ city: string; weight: number }>): Array<readonly [Town, number]> {
  let next = 27006;
  return entries.map(({ city, weight }) => {
    const zips = Array.from({ length: Math.max(2, Math.round(weight * 6)) }, () => String((next += 2)));
    return [{ city, zips }, weight] as const;
  });
}

export const TOWNS: Array<readonly [Town, number]> = assignZips(TOWN_TEXT.trim().split(/\s*;\s*/).map((entry) => {
  const [city, weight] = entry.split(':');
  return { city: city.trim(), weight: Number(weight) };
}));

const townTable = weightedTable(TOWNS);

export function pickTown(rng: Rng): Town {
  return sampleWeighted(rng, townTable);
}

export function pickTownZip(rng: Rng, town: Town): string {
  return rng.pick(town.zips);
}
