/// Real national series embedded for comparison, copied from `data/china_national.csv`.
public enum RealData {
    /// Taobao villages in China by year. Source: AliResearch (阿里研究院) yearly Taobao village
    /// reports, as recorded in data/china_national.csv (series `taobao_villages`,
    /// confidence "high"). From 2020 AliResearch changed the definition, so the table stops at 2019.
    public static let taobaoVillages: [(year: Int, count: Double)] = [
        (2009, 3), (2013, 20), (2014, 212), (2015, 780), (2016, 1311), (2017, 2118), (2018, 3202), (2019, 4310),
    ]

    public static let taobaoVillagesSource = "AliResearch"
}
