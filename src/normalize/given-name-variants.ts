/*
 * Informal given names mapped to the formal name they stand for, so that "Bob" on a roster and
 * "Robert" on the spine agree exactly: nicknames are the most common first-name disagreement
 * between a certification roster and administrative records, and a Bloom-filter encoding cannot
 * learn that two names share no bigrams yet mean the same person. The list is general US
 * knowledge, written here. Chris and Alex, though used by women too, are written as Christopher
 * and Alexander, the formal names most of them stand for in the US: a Christine called Chris then
 * still partly agrees with her name, while every Christopher called Chris agrees exactly. Left out
 * on purpose: forms shared about evenly by names of either sex (Sam, Pat, Terry), by several
 * common formal names (Al, Bert, Frank, Jerry, Phil), and those as often legal names in their own
 * right (Jack, Jamie, Drew, Ted, Larry, Ray).
 * Only a first name that is one of these words, alone, is mapped; the surname never is.
 */
const FORMAL_OF: Record<string, readonly string[]> = {
  william: ['bill', 'billy', 'will', 'willy', 'willie'],
  robert: ['bob', 'bobby', 'rob', 'robby', 'robbie'],
  richard: ['rick', 'ricky', 'rich', 'richie', 'dick'],
  james: ['jim', 'jimmy', 'jimmie'],
  john: ['johnny', 'johnnie'],
  michael: ['mike', 'mikey', 'mick'],
  joseph: ['joe', 'joey'],
  thomas: ['tom', 'tommy'],
  charles: ['chuck', 'charlie', 'chas'],
  christopher: ['chris'],
  alexander: ['alex'],
  daniel: ['dan', 'danny'],
  matthew: ['matt', 'matty'],
  anthony: ['tony'],
  steven: ['steve', 'stevie'],
  andrew: ['andy'],
  joshua: ['josh'],
  kenneth: ['ken', 'kenny'],
  timothy: ['tim', 'timmy'],
  ronald: ['ron', 'ronnie'],
  edward: ['ed', 'eddie', 'eddy'],
  jeffrey: ['jeff'],
  nicholas: ['nick', 'nicky'],
  gregory: ['greg'],
  benjamin: ['ben', 'benny'],
  zachary: ['zach', 'zack'],
  douglas: ['doug'],
  peter: ['pete'],
  donald: ['don', 'donnie'],
  bradley: ['brad'],
  frederick: ['fred', 'freddie', 'freddy'],
  david: ['dave', 'davey'],
  jonathan: ['jon'],
  nathan: ['nate'],
  jacob: ['jake'],
  gabriel: ['gabe'],
  vincent: ['vince'],
  russell: ['russ'],
  walter: ['walt'],
  henry: ['hank'],
  francisco: ['paco', 'pancho'],
  jose: ['pepe'],
  roberto: ['beto'],
  eduardo: ['lalo'],
  guillermo: ['memo'],
  ignacio: ['nacho'],
  jesus: ['chuy'],
  elizabeth: ['liz', 'lizzie', 'beth', 'betsy', 'betty'],
  patricia: ['patty', 'patsy', 'trish', 'tricia'],
  jennifer: ['jen', 'jenn', 'jenny'],
  margaret: ['peggy', 'maggie', 'meg'],
  susan: ['sue', 'susie', 'suzy'],
  jessica: ['jess', 'jessie'],
  katherine: ['kate', 'kathy', 'katie'],
  catherine: ['cathy', 'cate'],
  kimberly: ['kim'],
  deborah: ['deb', 'debbie', 'debby'],
  rebecca: ['becky', 'becca'],
  cynthia: ['cindy'],
  pamela: ['pam'],
  christine: ['chrissy'],
  christina: ['tina'],
  victoria: ['vicky', 'vicki', 'tori'],
  abigail: ['abby'],
  stephanie: ['steph'],
  jacqueline: ['jackie'],
  sandra: ['sandy'],
  nicole: ['nikki'],
  danielle: ['dani'],
  melissa: ['missy'],
  amanda: ['mandy'],
  barbara: ['barb'],
  angela: ['angie'],
  guadalupe: ['lupe', 'lupita'],
};

const NICKNAME_TO_FORMAL: ReadonlyMap<string, string> = new Map(
  Object.entries(FORMAL_OF).flatMap(([formal, nicknames]) => nicknames.map((n) => [n, formal] as const)),
);

/** The formal given name a normalized first name stands for ("bob" -> "robert"); anything else unchanged. */
export function formalGivenName(normalized: string): string {
  return NICKNAME_TO_FORMAL.get(normalized) ?? normalized;
}

/** Every nickname the table maps, for tests and docs. */
export function knownNicknames(): ReadonlyMap<string, string> {
  return NICKNAME_TO_FORMAL;
}
