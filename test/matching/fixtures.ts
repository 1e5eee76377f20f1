import { entityOfNames, type BirthDate, type CanonicalEntity, type EntityName, type EntityType } from '../../src/model/entity';

/** A name as a list would carry it (Latin, printed by the source, good quality unless said otherwise). */
export function name(text: string, extra: Partial<EntityName> = {}): EntityName {
  return { name: text, kind: 'alias', script: 'latin', origin: 'source', ...extra };
}

interface EntitySpec {
  id: string;
  type: EntityType;
  primary: string;
  names?: EntityName[];
  countries?: string[];
  birthDates?: BirthDate[];
}

/** A minimal canonical entity for matcher tests: only what the matcher reads is filled in. */
export function entity(spec: EntitySpec): CanonicalEntity {
  return entityOfNames({
    id: spec.id,
    type: spec.type,
    dataset: 'test',
    primaryName: spec.primary,
    names: [name(spec.primary, { kind: 'primary' }), ...(spec.names ?? [])],
    riskLevel: 'high',
    ...(spec.countries ? { countries: spec.countries } : {}),
    ...(spec.birthDates ? { birthDates: spec.birthDates } : {}),
  });
}

/** A small list in the shape of the UN list and the investigation: DPRK persons and bodies, Russian persons and firms. */
export const FIXTURE_ENTITIES: CanonicalEntity[] = [
  entity({
    id: 'pak-yong-sik',
    type: 'person',
    primary: 'PAK YONG SIK',
    countries: ['KP'],
    birthDates: [{ kind: 'exact', date: '1950-01-01' }],
  }),
  entity({ id: 'ri-won-ho', type: 'person', primary: 'RI WON HO', countries: ['KP'], birthDates: [{ kind: 'exact', date: '1964-07-17' }] }),
  entity({ id: 'kim-chol-nam', type: 'person', primary: 'KIM CHOL NAM', countries: ['KP'], birthDates: [{ kind: 'exact', date: '1970-02-19' }] }),
  entity({
    id: 'choe-chun-yong',
    type: 'person',
    primary: 'CHOE CHUN YONG',
    names: [name("Ch'oe Ch'un-yo'ng")],
    countries: ['KP'],
  }),
  entity({
    id: 'kim-song-chol',
    type: 'person',
    primary: 'KIM SONG CHOL',
    countries: ['KP'],
    birthDates: [{ kind: 'between', from: '1967', to: '1969' }],
  }),
  entity({ id: 'jang-song-chol', type: 'person', primary: 'JANG SONG CHOL', countries: ['KP'] }),
  entity({ id: 'hyon-kwang-il', type: 'person', primary: 'HYON KWANG IL', countries: ['KP'] }),
  entity({ id: 'kim-kyong-ok', type: 'person', primary: 'KIM KYONG OK', countries: ['KP'] }),
  entity({
    id: 'korea-kwangson-banking',
    type: 'organization',
    primary: 'KOREA KWANGSON BANKING CORP',
    names: [name('KKBC', { kind: 'acronym' })],
    countries: ['KP'],
  }),
  entity({ id: 'mpaf', type: 'organization', primary: "Ministry of People's Armed Forces (MPAF)", countries: ['KP'] }),
  entity({ id: 'namhung-trading', type: 'organization', primary: 'Namhung Trading Corporation', countries: ['KP'] }),
  entity({
    id: 'sergei-tkachuk',
    type: 'person',
    primary: 'Sergei Viktorovich Tkachuk',
    names: [name('Ткачук Сергей Викторович', { kind: 'original-script', script: 'cyrillic', origin: 'added-original-script' })],
    countries: ['RU'],
    birthDates: [{ kind: 'exact', date: '1965-03-02' }],
  }),
  entity({ id: 'pyotr-popov', type: 'person', primary: 'Pyotr Popov', countries: ['RU'] }),
  entity({ id: 'artem-chaika', type: 'person', primary: 'Artem Chaika', countries: ['RU'] }),
  entity({ id: 'natalia-titova', type: 'person', primary: 'Natalia Titova', countries: ['RU'] }),
  entity({ id: 'yuri-dostoevsky', type: 'person', primary: 'Yuri Ivanovich Dostoevsky', countries: ['RU'] }),
  entity({ id: 'oleksandr-kovalenko', type: 'person', primary: 'Oleksandr Mykolayovych Kovalenko', countries: ['UA'] }),
  entity({
    id: 'locotech-signal',
    type: 'organization',
    primary: 'LocoTech-Signal LLC',
    names: [name('ООО «ЛокоТех-Сигнал»', { kind: 'original-script', script: 'cyrillic' })],
    countries: ['RU'],
  }),
  entity({ id: 'zavolzhsky-meat', type: 'organization', primary: 'AO Zavolzhsky Meat Plant', countries: ['RU'] }),
  entity({
    id: 'mmc',
    type: 'organization',
    primary: 'Intergovernmental Migration Center (MMC)',
    names: [name('@mmcpersonal', { kind: 'identifier' })],
    countries: ['RU'],
  }),
  entity({
    id: 'ahmed-al-zahrani',
    type: 'person',
    primary: 'AHMED ABDULLAH SALEH AL-KHAZMARI AL-ZAHRANI',
    names: [name('Abu Maryam al-Saudi', { quality: 'low' })],
  }),
  entity({ id: 'abu-khalil', type: 'person', primary: 'Abu Khalil', names: [name('Khalil the Lebanese', { quality: 'low' })] }),
  entity({ id: 'nasir-haqqani', type: 'person', primary: 'Nasiruddin Haqqani' }),
  entity({ id: 'sodeystvie-college', type: 'organization', primary: 'Sodeystvie Arts and Humanities College', countries: ['RU'] }),
];
