/*
 * Surname frequencies, roughly per 100,000 people of each group, approximated from general
 * knowledge of US census rankings (public-domain statistics; numbers rounded, not copied).
 * The long tail beyond these lists is generated (see names.ts), as real surname lists are.
 */
export type Group = 'white' | 'hispanic' | 'black' | 'asian' | 'other';

const table = (text: string): Array<[string, number]> =>
  text
    .trim()
    .split(/\s*;\s*/)
    .map((entry) => {
      const [name, weight] = entry.split(':');
      return [name.trim(), Number(weight)] as [string, number];
    });

export const SURNAMES: Record<Group, Array<[string, number]>> = {
  white: table(`
    Smith:1000; Johnson:700; Williams:560; Brown:540; Jones:520; Miller:560; Davis:450; Wilson:390;
    Anderson:380; Taylor:360; Thomas:330; Moore:330; Martin:320; Jackson:200; Thompson:310; White:300;
    Harris:250; Clark:270; Lewis:250; Robinson:180; Walker:240; Young:230; Allen:230; King:230;
    Wright:220; Scott:210; Hill:210; Green:200; Adams:200; Baker:200; Nelson:200; Carter:180;
    Mitchell:180; Roberts:170; Turner:170; Phillips:170; Campbell:170; Parker:160; Evans:160;
    Edwards:150; Collins:150; Stewart:150; Morris:140; Murphy:140; Cook:140; Rogers:130; Morgan:130;
    Cooper:130; Peterson:130; Reed:130; Bailey:120; Bell:120; Kelly:120; Howard:110; Ward:110;
    Cox:110; Richardson:110; Wood:110; Watson:100; Brooks:100; Bennett:100; Gray:100; Hughes:100;
    Price:100; Sanders:100; Myers:100; Long:90; Ross:90; Foster:90; Powell:90; Jenkins:70;
    Perry:80; Russell:80; Sullivan:80; Fisher:80; Henderson:80; Coleman:60; Simmons:70;
    Patterson:70; Hamilton:70; Graham:70; Reynolds:70; Schmidt:70; Mueller:50; Wagner:70;
    Becker:50; Schneider:50; Meyer:60; Hoffman:60; Schultz:50; Kowalski:30; Novak:30; Nowak:20;
    Olson:70; Hansen:60; Larson:60; Johansson:10; Nilsen:10; Lindqvist:8; O'Brien:40; O'Connor:35;
    O'Neill:30; McDonald:60; McCarthy:40; MacKenzie:15; McNeil:15; Fitzgerald:35; Russo:30;
    Romano:25; Esposito:20; Ricci:15; Bianchi:8; Costa:15; Van Buren:5; Van Der Berg:4;
    Vanderpool:4; St. John:6; St. Clair:5; DeLuca:10; DiMarco:8; LaPointe:8; Le Blanc:6; Dubois:10
  `),
  hispanic: table(`
    Garcia:2200; Rodriguez:1900; Martinez:1800; Hernandez:1850; Lopez:1450; Gonzalez:1400;
    Perez:1050; Sanchez:1000; Ramirez:950; Torres:750; Flores:750; Rivera:700; Gomez:650; Diaz:650;
    Cruz:500; Reyes:550; Morales:500; Gutierrez:450; Ortiz:430; Chavez:420; Ramos:400; Ruiz:400;
    Mendoza:380; Alvarez:370; Castillo:350; Jimenez:350; Vasquez:340; Romero:330; Herrera:320;
    Medina:320; Aguilar:300; Vargas:290; Castro:280; Guzman:250; Fernandez:250; Munoz:240;
    Salazar:220; Soto:220; Delgado:210; Contreras:200; Estrada:190; Figueroa:180; Espinoza:180;
    Dominguez:170; Sandoval:170; Rojas:150; Navarro:150; Pena:140; Acosta:140; Cortez:140;
    Nunez:130; Ibarra:110; Quintero:80; Velazquez:90; Zamora:80; Montoya:80; Cervantes:80;
    De La Cruz:120; De Leon:110; Del Rio:40; De Jesus:60; De Los Santos:40; Villanueva:70; Santiago:90
  `),
  black: table(`
    Williams:1400; Johnson:1300; Smith:1100; Jones:1000; Brown:900; Jackson:950; Davis:800;
    Thomas:600; Harris:600; Robinson:550; Taylor:450; Wilson:400; Moore:400; White:350; Washington:450;
    Lewis:350; Walker:350; Green:300; Thompson:300; Wright:250; Jenkins:250; Coleman:220; Allen:220;
    Scott:220; Hall:220; Young:200; Carter:200; Banks:180; Bryant:180; Simmons:170; Mitchell:170;
    Freeman:150; Jefferson:160; Gaines:80; Mosley:80; Booker:70; Pryor:50; Dorsey:60; Boykin:40;
    Battle:40; Bynum:30; Whitfield:40; Grier:30; Person:20; Majors:25; Blackwell:40; Okafor:20;
    Mensah:15; Diallo:20; Tesfaye:10; Abdi:15; Haile:10; Adeyemi:10; Toussaint:15; Pierre:40;
    Jean-Baptiste:15; Saint-Louis:8
  `),
  asian: table(`
    Nguyen:2500; Tran:1200; Le:900; Pham:800; Kim:1300; Lee:1400; Park:700; Choi:300; Chen:1000;
    Wang:900; Li:800; Zhang:600; Liu:600; Huang:500; Patel:1600; Shah:400; Singh:700; Kumar:500;
    Wong:600; Yang:500; Wu:450; Lin:450; Tanaka:100; Sato:80; Suzuki:80; Nakamura:70; Vo:300;
    Huynh:300; Dang:250; Bui:250; Do:250; Ho:300; Truong:200; Hoang:200; Cho:200; Kang:200;
    Yoon:150; Lim:200; Tan:250; Santos:300; Reyes:250; Cruz:200; Bautista:150; Dela Cruz:150;
    Gupta:300; Sharma:300; Reddy:250; Rao:200; Iyer:80; Desai:150; Mehta:150; Vang:200; Xiong:200;
    Lo:150; Thao:120; Chowdhury:80; Rahman:100; Hossain:60; Ahmed:150; Khan:250
  `),
  other: table(`
    Smith:400; Johnson:300; Begay:300; Yazzie:250; Benally:150; Tsosie:120; Nez:100;
    Two Bears:40; Running Wolf:20; Lee:100; Brown:200; Ali:150; Hassan:120; Mohamed:150;
    Haddad:60; Khoury:50; Nasser:40; Kaur:80; Kealoha:40; Kahale:30; Nakoa:20; Silva:150; Souza:80;
    Oliveira:80; Ivanov:60; Petrov:40; Kuznetsova:30; Kovacs:40; Horvath:40; Murphy:100; Nowicki:30
  `),
};

/**
 * Syllables for the generated long tail of rare surnames ("Kalberg", "Montareda", "Sunathan"),
 * per naming tradition; tens of thousands of combinations, each rare.
 */
export const TAIL_SYLLABLES: Record<'anglo' | 'hispanic' | 'asian', { start: string[]; middle: string[]; end: string[] }> = {
  anglo: {
    start: ['Al', 'Ash', 'Bar', 'Bel', 'Bran', 'Brock', 'Cal', 'Car', 'Chad', 'Dal', 'Dor', 'Dun', 'El', 'Fair', 'Fen', 'Gar', 'Gol', 'Hal', 'Har', 'Hol', 'Kel', 'Kin', 'Kor', 'Lan', 'Lind', 'Mar', 'Mor', 'Nor', 'Os', 'Pel', 'Pren', 'Ral', 'Rut', 'Sel', 'Stan', 'Tal', 'Thorn', 'Ver', 'Wes', 'Zan'],
    middle: ['', '', '', '', 'a', 'e', 'i', 'o', 'en', 'er', 'ov', 'in', 'an', 'ing', 'el'],
    end: ['berg', 'by', 'den', 'er', 'ford', 'ham', 'ley', 'man', 'ski', 'son', 'stein', 'ton', 'well', 'wick', 'itch', 'ardi', 'ini', 'ak', 'ic', 'more', 'field', 'worth', 'dale', 'hurst', 'land', 'ner', 'quist', 'rud', 'sen', 'ville'],
  },
  hispanic: {
    start: ['Al', 'Ar', 'Bel', 'Bus', 'Car', 'Cas', 'Cor', 'Es', 'Gal', 'Lar', 'Lum', 'Mal', 'Mon', 'Ner', 'Ol', 'Pas', 'Quin', 'Sal', 'Ser', 'Tam', 'Ver', 'Vil', 'Zal', 'Zar'],
    middle: ['', 'a', 'e', 'i', 'o', 'ar', 'en', 'ol'],
    end: ['ado', 'ano', 'ero', 'illo', 'ino', 'ez', 'eda', 'ega', 'uela', 'ares', 'ura', 'anda', 'ejo', 'ente', 'osa', 'ales'],
  },
  asian: {
    start: ['Ra', 'Su', 'Pa', 'Na', 'Ka', 'Ma', 'Vi', 'De', 'Ba', 'Cha', 'Ga', 'Ha', 'Ja', 'La', 'Sa', 'Ta'],
    middle: ['', 'ja', 'ni', 'ra', 'ta', 'ma', 'la', 'va', 'shi'],
    end: ['n', 'pur', 'wal', 'nathan', 'ar', 'lan', 'an', 'kar', 'dev', 'raj', 'ngo', 'ong', 'mura', 'moto', 'yama'],
  },
};
