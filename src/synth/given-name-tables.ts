import type { Group } from './surname-tables.ts';

/*
 * Given-name frequencies by sex and group, rough weights from general knowledge of US name
 * popularity across birth cohorts of working-age adults (not copied from any list).
 */
const table = (text: string): Array<[string, number]> =>
  text.trim().split(/\s*;\s*/).map((entry) => {
    const [name, weight] = entry.split(':');
    return [name.trim(), Number(weight)] as [string, number];
  });

const MALE_COMMON = table(`
  James:330; Michael:360; Robert:300; John:290; David:280; William:250; Richard:180; Joseph:190;
  Thomas:160; Christopher:220; Charles:130; Daniel:190; Matthew:180; Anthony:140; Mark:110; Donald:60;
  Steven:110; Andrew:120; Paul:80; Joshua:140; Kenneth:70; Kevin:110; Brian:110; Timothy:80; Ronald:50;
  Jason:120; George:50; Edward:50; Jeffrey:80; Ryan:110; Jacob:90; Nicholas:90; Gary:40; Eric:90;
  Jonathan:90; Stephen:60; Larry:30; Justin:90; Benjamin:80; Scott:60; Brandon:90; Samuel:50;
  Gregory:50; Alexander:60; Patrick:50; Frank:30; Raymond:30; Jack:30; Dennis:25; Jerry:20; Tyler:70;
  Aaron:50; Adam:50; Nathan:50; Henry:20; Zachary:50; Douglas:25; Peter:25; Kyle:50; Ethan:40;
  Jeremy:40; Christian:40; Walter:15; Keith:25; Austin:40; Sean:40; Carl:15; Dylan:30; Jordan:35;
  Jesse:25; Bryan:25; Lawrence:15; Gabriel:25; Logan:25; Alan:15; Vincent:15; Bradley:20; Russell:15;
  Cody:25; Travis:25; Dustin:20; Derek:15; Shane:15; Chad:15; Marcus:20; Noah:25; Caleb:20
`);

const FEMALE_COMMON = table(`
  Mary:120; Patricia:60; Jennifer:220; Linda:50; Elizabeth:150; Barbara:40; Susan:60; Jessica:200;
  Sarah:170; Karen:50; Lisa:80; Nancy:30; Sandra:40; Margaret:40; Ashley:180; Kimberly:110;
  Emily:120; Donna:30; Michelle:110; Carol:20; Amanda:160; Melissa:120; Deborah:40; Stephanie:120;
  Rebecca:80; Sharon:25; Laura:80; Cynthia:40; Amy:90; Kathleen:30; Angela:80; Brenda:25; Emma:40;
  Anna:50; Pamela:25; Nicole:110; Samantha:90; Katherine:70; Christine:50; Rachel:70; Heather:80;
  Catherine:40; Diane:20; Olivia:40; Julie:40; Victoria:40; Lauren:60; Kelly:50; Christina:60;
  Andrea:40; Hannah:50; Megan:70; Jacqueline:25; Madison:30; Teresa:25; Sara:30; Abigail:30;
  Sophia:20; Julia:30; Grace:20; Amber:50; Danielle:60; Natalie:30; Theresa:20; Diana:20;
  Brittany:60; Kayla:40; Alexis:25; Tiffany:40; Crystal:40; Erin:40; Courtney:40; Lindsey:25;
  Erica:30; Vanessa:25; Alexandra:20; Anne:15; Chelsea:25; Mallory:8
`);

export const GIVEN_NAMES: Record<Group, { f: Array<[string, number]>; m: Array<[string, number]> }> = {
  white: { m: MALE_COMMON, f: FEMALE_COMMON },
  hispanic: {
    m: [...table(`Jose:500; Juan:350; Luis:300; Carlos:280; Jesus:200; Miguel:200; Francisco:150;
      Pedro:100; Alejandro:140; Ricardo:90; Javier:130; Jorge:150; Manuel:120; Antonio:120; Eduardo:90;
      Fernando:80; Roberto:80; Oscar:80; Sergio:70; Raul:70; Hector:60; Mario:70; Angel:90; Victor:70;
      Juan Carlos:40; Jose Luis:40`), ...MALE_COMMON.slice(0, 30).map(([n, w]) => [n, w / 2] as [string, number])],
    f: [...table(`Maria:600; Guadalupe:100; Rosa:120; Carmen:110; Ana:150; Yesenia:60; Alejandra:70;
      Veronica:90; Adriana:80; Gabriela:80; Claudia:70; Leticia:50; Silvia:50; Patricia:80; Elena:60;
      Daniela:70; Mariana:50; Lucia:40; Isabel:40; Maria Elena:30; Ana Maria:30; Yolanda:40; Marisol:40`),
      ...FEMALE_COMMON.slice(0, 30).map(([n, w]) => [n, w / 2] as [string, number])],
  },
  black: {
    m: [...table(`DeShawn:40; Jamal:60; Tyrone:40; Darnell:40; Marcus:80; Terrell:40; Andre:60; Malik:50;
      Darius:50; Jerome:30; Reginald:30; Cedric:30; Demetrius:30; Kareem:20; Rashad:20; Xavier:30;
      Jalen:30; Isaiah:40; Elijah:40; Kwame:8; Jean-Claude:6`), ...MALE_COMMON.map(([n, w]) => [n, w / 3] as [string, number])],
    f: [...table(`Latoya:40; Keisha:40; Tamika:40; Ebony:50; Shanice:30; Aaliyah:40; Imani:30;
      Jasmine:70; Destiny:40; Tanisha:30; Monique:30; Latasha:25; Shaniqua:15; Aisha:30; Kiara:30;
      Tiara:25; Nia:20; Precious:15; Marie-Claire:5`), ...FEMALE_COMMON.map(([n, w]) => [n, w / 3] as [string, number])],
  },
  asian: {
    m: [...table(`Minh:80; Duc:40; Tuan:60; Hung:40; Wei:60; Jun:50; Hao:30; Raj:60; Arjun:50;
      Rahul:50; Amit:50; Sanjay:40; Vikram:30; Hiroshi:20; Kenji:20; Sung:30; Jin:40; Min-Jun:20;
      Joon:20; Bao:30; Long:20; Jose:30; Mark:40`), ...MALE_COMMON.slice(0, 40).map(([n, w]) => [n, w / 2] as [string, number])],
    f: [...table(`Mai:60; Linh:60; Thuy:40; Mei:50; Priya:70; Anjali:40; Pooja:40; Yuki:20; Ji-Yeon:15;
      Hoa:30; Lan:40; Ngoc:30; Xin:30; Hui:20; Soo-Jin:15; Divya:40; Kavya:20; Mary Grace:15;
      Cristina:20`), ...FEMALE_COMMON.slice(0, 40).map(([n, w]) => [n, w / 2] as [string, number])],
  },
  other: { m: MALE_COMMON, f: FEMALE_COMMON },
};

/** Formal name -> informal forms people use on forms and at work. */
export const NICKNAMES: Record<string, string[]> = {
  William: ['Bill', 'Will', 'Billy'], Robert: ['Bob', 'Rob', 'Bobby'], Richard: ['Rick', 'Rich', 'Dick'],
  James: ['Jim', 'Jimmy', 'Jamie'], John: ['Jack', 'Johnny'], Michael: ['Mike', 'Mikey'], Joseph: ['Joe', 'Joey'],
  Thomas: ['Tom', 'Tommy'], Christopher: ['Chris'], Charles: ['Charlie', 'Chuck'], Daniel: ['Dan', 'Danny'],
  Matthew: ['Matt'], Anthony: ['Tony'], Steven: ['Steve'], Andrew: ['Andy', 'Drew'], Joshua: ['Josh'],
  Kenneth: ['Ken', 'Kenny'], Timothy: ['Tim'], Ronald: ['Ron', 'Ronnie'], Edward: ['Ed', 'Eddie', 'Ted'],
  Jeffrey: ['Jeff'], Nicholas: ['Nick'], Gregory: ['Greg'], Alexander: ['Alex'], Patrick: ['Pat'],
  Benjamin: ['Ben'], Samuel: ['Sam'], Jonathan: ['Jon'], Zachary: ['Zach'], Douglas: ['Doug'],
  Peter: ['Pete'], Raymond: ['Ray'], Lawrence: ['Larry'], Donald: ['Don'], Gerald: ['Jerry'],
  Bradley: ['Brad'], Frederick: ['Fred'], Francisco: ['Paco', 'Frank'], Jose: ['Pepe'], Alejandro: ['Alex'],
  Eduardo: ['Eddie'], Roberto: ['Beto'], Elizabeth: ['Liz', 'Beth', 'Betsy'], Patricia: ['Pat', 'Patty', 'Trish'],
  Jennifer: ['Jen', 'Jenny'], Margaret: ['Peggy', 'Maggie', 'Meg'], Susan: ['Sue', 'Suzy'], Jessica: ['Jess'],
  Katherine: ['Kate', 'Kathy', 'Katie'], Catherine: ['Cathy', 'Cate'], Kimberly: ['Kim'], Deborah: ['Deb', 'Debbie'],
  Rebecca: ['Becky', 'Becca'], Cynthia: ['Cindy'], Pamela: ['Pam'], Samantha: ['Sam'], Christine: ['Chris', 'Chrissy'],
  Christina: ['Tina'], Victoria: ['Vicky', 'Tori'], Abigail: ['Abby'], Stephanie: ['Steph'], Jacqueline: ['Jackie'],
  Alexandra: ['Alex', 'Sasha'], Theresa: ['Terri'], Teresa: ['Terri'], Kathleen: ['Kathy'], Amanda: ['Mandy'],
  Melissa: ['Missy', 'Mel'], Barbara: ['Barb'], Sandra: ['Sandy'], Nicole: ['Nikki'], Danielle: ['Dani'],
  Guadalupe: ['Lupe'], Alejandra: ['Ale'], Maria: ['Mari'], Vanessa: ['Nessa'], Andrea: ['Andi'],
};
