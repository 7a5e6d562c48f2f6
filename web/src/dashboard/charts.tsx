// Charts by recharts: one daily GMV area chart and a bar-plus-table breakdown used for country,
// site and seller (the table carries the exact won; the bars the shape).
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useI18n } from '../i18n/i18n';

export function DailyChart(props: { series: { date: string; gmvKrw: number; orders: number }[] }) {
  const { krw, krwShort } = useI18n();
  return (
    <div style={{ width: '100%', height: 260 }}>
      <ResponsiveContainer>
        <AreaChart data={props.series} margin={{ left: 8, right: 8, top: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="date" tickFormatter={(d: string) => d.slice(5)} minTickGap={16} />
          <YAxis tickFormatter={(v: number) => krwShort(v)} width={72} />
          <Tooltip formatter={(v) => krw(Number(v))} />
          <Area
            type="monotone"
            dataKey="gmvKrw"
            name="GMV"
            stroke="#d7263d"
            fill="#d7263d33"
            isAnimationActive={false}
          />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}

interface Row {
  key: string;
  label: string;
  gmvKrw: number;
  orders: number;
}

export function Breakdown(props: { title: string; rows: Row[]; testId: string }) {
  const { krw, krwShort, number, t } = useI18n();
  const top = props.rows.slice(0, 12);
  return (
    <section className="card" data-testid={props.testId}>
      <h2>{props.title}</h2>
      {top.length === 0 ? (
        <p className="muted">{t('common.none')}</p>
      ) : (
        <>
          <div style={{ width: '100%', height: Math.max(120, top.length * 28) }}>
            <ResponsiveContainer>
              <BarChart data={top} layout="vertical" margin={{ left: 8, right: 8 }}>
                <XAxis type="number" tickFormatter={(v: number) => krwShort(v)} />
                <YAxis type="category" dataKey="label" width={110} />
                <Tooltip formatter={(v) => krw(Number(v))} />
                <Bar dataKey="gmvKrw" name="GMV" fill="#1c2430" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <div className="table-wrap">
            <table>
              <tbody>
                {props.rows.map((r) => (
                  <tr key={r.key} data-key={r.key}>
                    <td>{r.label}</td>
                    <td className="num" data-value={r.gmvKrw}>
                      {krw(r.gmvKrw)}
                    </td>
                    <td className="num">{number(r.orders)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
